using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// Runs the health probe at start and then every <see cref="HealthOptions.Interval"/>, so
/// <see cref="HealthProbe.Latest"/> and <c>voicememory.health.status</c> stay current. Failures are logged and the
/// schedule goes on.
/// </summary>
public sealed partial class HealthProbeSchedule(
    HealthProbe probe,
    IOptions<HealthOptions> options,
    TimeProvider time,
    ILogger<HealthProbeSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        await ScheduleLoop.RunAsync(
            async cancellationToken =>
            {
                await probe.RunAsync(cancellationToken);
                return interval;
            },
            exception =>
            {
                LogFailed(logger, exception);
                return interval;
            },
            time,
            stoppingToken);
    }

    [LoggerMessage(EventId = 7521, Level = LogLevel.Error, Message = "Scheduled health probe failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
