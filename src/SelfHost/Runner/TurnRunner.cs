using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>
/// The self-host's durable runner (DESIGN.md section 5): N workers claim due jobs with a lease, run the shared
/// workflow over checkpointed steps, renew the lease while they work, and on shutdown stop claiming, give
/// in-flight steps up to <see cref="RunnerOptions.ShutdownTimeout"/>, and release what they hold. A crashed
/// process's jobs are claimed again once their lease expires, and replay from their checkpoints.
/// </summary>
public sealed partial class TurnRunner(
    SqliteJobStore jobs,
    TurnActivities activities,
    OrphanedTurnSweeper sweeper,
    JobSignal signal,
    IOptions<RunnerOptions> options,
    TimeProvider time,
    ILogger<TurnRunner> logger) : BackgroundService
{
    private readonly string processId = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var abort = new CancellationTokenSource();
        // Stopping ends claiming at once; steps already running get the shutdown grace period.
        using var registration = stoppingToken.Register(() => abort.CancelAfter(settings.ShutdownTimeout));

        await sweeper.SweepAsync(stoppingToken);
        if (settings.Workers == 0)
        {
            LogAcceptOnly();
            return;
        }

        LogStarted(settings.Workers, settings.Lease.TotalSeconds);

        var workers = Enumerable.Range(0, settings.Workers)
            .Select(i => WorkAsync($"{processId}/{i}", stoppingToken, abort.Token))
            .ToArray();
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(string workerId, CancellationToken stopping, CancellationToken abort)
    {
        var settings = options.Value;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                JobLease? lease;
                try
                {
                    lease = await jobs.TryClaimAsync(workerId, settings.Lease, stopping);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogClaimFailed(workerId, error);
                    await Task.Delay(settings.PollInterval * 10, time, stopping);
                    continue;
                }

                if (lease is null)
                {
                    await signal.WaitAsync(settings.PollInterval, stopping);
                    continue;
                }

                await RunJobAsync(lease, settings, abort);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            await ReleaseAsync(workerId);
        }
    }

    private async Task ReleaseAsync(string workerId)
    {
        try
        {
            var released = await jobs.ReleaseLeasesAsync(workerId, CancellationToken.None);
            if (released > 0)
            {
                LogReleased(workerId, released);
            }
        }
        catch (Exception error)
        {
            // The database refuses writes (disk full, read-only): the leases simply expire and the jobs are reclaimed.
            LogReleaseFailed(workerId, error);
        }
    }

    private async Task RunJobAsync(JobLease lease, RunnerOptions settings, CancellationToken abort)
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(abort);
        using var span = VoiceMemoryTelemetry.ActivitySource.StartActivity("turn", ActivityKind.Internal);
        span?.SetTag("turn.id", lease.TurnId);
        var renewal = RenewWhileRunningAsync(lease, settings, run);
        try
        {
            var request = JsonSerializer.Deserialize<TurnRequest>(lease.RequestJson, RunnerJson.Options)
                ?? throw new InvalidOperationException("The job holds no request.");
            var steps = new CheckpointedTurnSteps(jobs, activities, lease, settings, time, logger, run.Token);
            var outcome = lease.Attempts >= settings.MaxJobAttempts
                ? await AbandonAsync(request, lease, run.Token)
                : await VoiceTurnWorkflow.RunAsync(request, steps);
            if (outcome.State == TurnState.Failed)
            {
                await jobs.FailAsync(lease.TurnId, lease.WorkerId, outcome.Error?.Code ?? ErrorCodes.StepFailed, CancellationToken.None);
            }
            else
            {
                await jobs.CompleteAsync(lease.TurnId, lease.WorkerId, CancellationToken.None);
            }

            span?.SetTag("turn.outcome", outcome.State.ToString());
            LogFinished(lease.TurnId, outcome.State.ToString(), steps.Replayed);
        }
        catch (OperationCanceledException) when (run.IsCancellationRequested)
        {
            // Shutdown or a lost lease: the job stays claimable and replays from its checkpoints.
            LogInterrupted(lease.TurnId);
        }
        catch (Exception error)
        {
            // The workflow itself could not finish (e.g. the database was unavailable while failing the turn):
            // try the whole job again later; completed steps replay from their checkpoints.
            var next = time.GetUtcNow() + settings.RetryBaseDelay * Math.Pow(2, Math.Min(lease.Attempts, 8));
            LogJobRescheduled(lease.TurnId, error);
            try
            {
                await jobs.RescheduleAsync(lease.TurnId, lease.WorkerId, next, error.GetType().Name, CancellationToken.None);
            }
            catch (Exception rescheduleError)
            {
                // Most likely the same full or read-only disk: the worker must survive it. The job keeps its lease,
                // which expires, and it is claimed again then.
                LogRescheduleFailed(lease.TurnId, rescheduleError);
            }
        }
        finally
        {
            await run.CancelAsync();
            await renewal;
        }
    }

    /// <summary>The turn's runs keep being interrupted: fail it with a reason instead of trying forever.</summary>
    private async Task<TurnOutcome> AbandonAsync(TurnRequest request, JobLease lease, CancellationToken cancellationToken)
    {
        var error = new TurnError(ErrorCodes.StepFailed, $"The turn was abandoned after {lease.Attempts} interrupted attempts.");
        LogAbandoned(lease.TurnId, lease.Attempts);
        await activities.FailAsync(new TurnFailure(request, error.Code, error.Message), cancellationToken);
        return TurnOutcome.Failed(request.TurnId, error);
    }

    private async Task RenewWhileRunningAsync(JobLease lease, RunnerOptions settings, CancellationTokenSource run)
    {
        try
        {
            while (true)
            {
                await Task.Delay(settings.Lease / 3, time, run.Token);
                if (!await jobs.RenewLeaseAsync(lease.TurnId, lease.WorkerId, settings.Lease, run.Token))
                {
                    LogLeaseLost(lease.TurnId);
                    await run.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (Exception error)
        {
            // Could not renew (database busy or gone): stop the run rather than race another worker.
            LogRenewFailed(lease.TurnId, error);
            await run.CancelAsync();
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Turn runner started with {Workers} worker(s), lease {LeaseSeconds} s")]
    private partial void LogStarted(int workers, double leaseSeconds);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Information, Message = "Turn runner has no workers (Runner:Workers = 0): turns are accepted and queued, not run")]
    private partial void LogAcceptOnly();

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Turn {TurnId} finished: {State} ({Replayed} step(s) replayed)")]
    private partial void LogFinished(string turnId, string state, int replayed);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Turn {TurnId} interrupted; it will resume from its checkpoints")]
    private partial void LogInterrupted(string turnId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Turn {TurnId}: the run could not finish; rescheduled")]
    private partial void LogJobRescheduled(string turnId, Exception error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Turn {TurnId}: lease lost to another worker; stopping this run")]
    private partial void LogLeaseLost(string turnId);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "Turn {TurnId}: lease renewal failed; stopping this run")]
    private partial void LogRenewFailed(string turnId, Exception error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Worker {WorkerId} could not claim a job")]
    private partial void LogClaimFailed(string workerId, Exception error);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Error, Message = "Turn {TurnId} abandoned after {Attempts} interrupted attempts")]
    private partial void LogAbandoned(string turnId, int attempts);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "Turn {TurnId}: the job could not be rescheduled; it will be reclaimed when its lease expires")]
    private partial void LogRescheduleFailed(string turnId, Exception error);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Error, Message = "Worker {WorkerId} could not release its leases; they will expire")]
    private partial void LogReleaseFailed(string workerId, Exception error);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Information, Message = "Worker {WorkerId} released {Count} job(s) on shutdown")]
    private partial void LogReleased(string workerId, int count);
}
