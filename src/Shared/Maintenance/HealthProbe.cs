using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Runs every <see cref="IDependencyCheck"/> concurrently, each within <see cref="HealthOptions.CheckTimeoutSeconds"/>;
/// a check that times out or throws counts as unhealthy with a generic detail (the error goes to the log only).
/// The service is unhealthy when a critical check is unhealthy, degraded when any other check is not healthy, and
/// healthy otherwise. Each run records <c>voicememory.health.status</c> per dependency, logs changes and becomes
/// <see cref="Latest"/>.
/// </summary>
public sealed partial class HealthProbe
{
    private readonly IDependencyCheck[] checks;
    private readonly IOptions<HealthOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<HealthProbe> logger;
    private readonly Dictionary<string, HealthState> previous = new(StringComparer.Ordinal);
    private readonly Lock previousLock = new();
    private HealthState? previousStatus;
    private HealthReport? latest;

    /// <exception cref="ArgumentException">Two checks share a name.</exception>
    public HealthProbe(IEnumerable<IDependencyCheck> checks, IOptions<HealthOptions> options, TimeProvider time, ILogger<HealthProbe> logger)
    {
        this.checks = [.. checks];
        var duplicate = this.checks.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two health checks are named '{duplicate.Key}'.", nameof(checks));
        }

        this.options = options;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The last finished run, or null before the first.</summary>
    public HealthReport? Latest => Volatile.Read(ref latest);

    /// <summary>Runs all checks once.</summary>
    public async Task<HealthReport> RunAsync(CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.CheckTimeoutSeconds);
        var results = await Task.WhenAll(checks.Select(check => RunCheckAsync(check, timeout, cancellationToken)));

        var status = HealthState.Healthy;
        var byName = new Dictionary<string, DependencyHealth>(StringComparer.Ordinal);
        for (var i = 0; i < checks.Length; i++)
        {
            var check = checks[i];
            var result = results[i];
            byName[check.Name] = result;
            VoiceMemoryTelemetry.RecordHealth(check.Name, result.Status == HealthState.Healthy, check.Critical);
            var effect = result.Status switch
            {
                HealthState.Healthy => HealthState.Healthy,
                HealthState.Unhealthy when check.Critical => HealthState.Unhealthy,
                _ => HealthState.Degraded,
            };
            status = (HealthState)Math.Max((int)status, (int)effect);
        }

        var report = new HealthReport(status, byName, time.GetUtcNow());
        LogChanges(report);
        Volatile.Write(ref latest, report);
        return report;
    }

    private async Task<DependencyHealth> RunCheckAsync(IDependencyCheck check, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timeoutSource = new CancellationTokenSource(timeout, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);

        // Task.Run: a check that blocks before its first await cannot hold up the others or escape the timeout.
        var running = Task.Run(() => check.CheckAsync(linked.Token), CancellationToken.None);

        // The token sources are disposed when the check is done with them, even if it outlives its timeout.
        _ = running.ContinueWith(
            _ =>
            {
                linked.Dispose();
                timeoutSource.Dispose();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        try
        {
            var result = await running.WaitAsync(timeout, time, cancellationToken);
            return result ?? DependencyHealth.Unhealthy("check returned no result");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            LogCheckTimedOut(logger, check.Name, (int)timeout.TotalSeconds);
            return DependencyHealth.Unhealthy("check timed out");
        }
        catch (Exception exception)
        {
            LogCheckFailed(logger, exception, check.Name);
            return DependencyHealth.Unhealthy("check failed");
        }
    }

    private void LogChanges(HealthReport report)
    {
        lock (previousLock)
        {
            foreach (var (name, result) in report.Checks)
            {
                if (!previous.TryGetValue(name, out var before) || before != result.Status)
                {
                    if (result.Status == HealthState.Healthy)
                    {
                        LogDependencyHealthy(logger, name, result.Detail);
                    }
                    else
                    {
                        LogDependencyNotHealthy(logger, name, result.Status, result.Detail);
                    }

                    previous[name] = result.Status;
                }
            }

            if (previousStatus != report.Status)
            {
                LogStatusChanged(logger, previousStatus?.ToString() ?? "unknown", report.Status);
                previousStatus = report.Status;
            }
        }
    }

    [LoggerMessage(EventId = 7401, Level = LogLevel.Information, Message = "Health of {Dependency} is healthy: {Detail}")]
    private static partial void LogDependencyHealthy(ILogger logger, string dependency, string detail);

    [LoggerMessage(EventId = 7402, Level = LogLevel.Warning, Message = "Health of {Dependency} is {Status}: {Detail}")]
    private static partial void LogDependencyNotHealthy(ILogger logger, string dependency, HealthState status, string detail);

    [LoggerMessage(EventId = 7403, Level = LogLevel.Information, Message = "Service health changed from {Previous} to {Status}")]
    private static partial void LogStatusChanged(ILogger logger, string previous, HealthState status);

    [LoggerMessage(EventId = 7404, Level = LogLevel.Warning, Message = "Health check {Dependency} timed out after {TimeoutSeconds} s")]
    private static partial void LogCheckTimedOut(ILogger logger, string dependency, int timeoutSeconds);

    [LoggerMessage(EventId = 7405, Level = LogLevel.Warning, Message = "Health check {Dependency} failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string dependency);
}
