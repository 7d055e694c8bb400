using System.Text.Json;
using Microsoft.Extensions.Logging;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>
/// <see cref="ITurnSteps"/> over the checkpoint table: a step whose output is stored returns it (replay);
/// otherwise it runs, with retries and backoff on transient failures, and its output is stored before the
/// workflow moves on. This is how a turn survives a crash: the workflow is simply run again.
/// </summary>
internal sealed partial class CheckpointedTurnSteps(
    SqliteJobStore jobs,
    TurnActivities activities,
    JobLease lease,
    RunnerOptions options,
    TimeProvider time,
    ILogger logger,
    CancellationToken cancellationToken) : ITurnSteps
{
    private int sequence;

    /// <summary>How many steps were replayed from checkpoints rather than run.</summary>
    public int Replayed { get; private set; }

    public Task<UnderstandResult> UnderstandAsync(TurnRequest request) =>
        StepAsync(StepNames.Understand, () => activities.UnderstandAsync(request, cancellationToken));

    public Task<RespondResult> RespondAsync(RespondInput input) =>
        StepAsync(StepNames.Respond, () => activities.RespondAsync(input, cancellationToken));

    public Task<SpeakResult> SpeakAsync(SpeakInput input) =>
        StepAsync(StepNames.Speak, () => activities.SpeakAsync(input, cancellationToken));

    public Task<RememberResult> RememberAsync(RememberInput input) =>
        StepAsync(StepNames.Remember, () => activities.RememberAsync(input, cancellationToken));

    public Task FailAsync(TurnFailure failure) =>
        StepAsync(StepNames.Fail, async () =>
        {
            await activities.FailAsync(failure, cancellationToken);
            return true;
        });

    private async Task<T> StepAsync<T>(string step, Func<Task<T>> run)
    {
        var seq = ++sequence;
        var stored = await jobs.GetCheckpointAsync(lease.TurnId, seq, cancellationToken);
        if (stored is not null)
        {
            Replayed++;
            var envelope = JsonSerializer.Deserialize<Checkpoint<T>>(stored, RunnerJson.Options)
                ?? throw new InvalidOperationException($"Checkpoint {seq} of turn {lease.TurnId} is empty.");
            if (envelope.Step != step)
            {
                // The workflow is deterministic; a different step at the same position means stored state is corrupt.
                throw new TurnStepFailedException(step, ErrorCodes.Internal, $"Replay mismatch at step {seq}: stored {envelope.Step}, expected {step}.");
            }

            return envelope.Output;
        }

        var output = await RunWithRetriesAsync(step, run);
        await jobs.SaveCheckpointAsync(lease.TurnId, seq, step, JsonSerializer.Serialize(new Checkpoint<T>(step, output), RunnerJson.Options), cancellationToken);
        return output;
    }

    private async Task<T> RunWithRetriesAsync<T>(string step, Func<Task<T>> run)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await run();
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var (code, message, transient) = Classify(step, error);
                if (attempt >= options.MaxStepAttempts && IsStorage(code))
                {
                    // A full or read-only disk is the operator's to fix, not the turn's fault: the job is run again
                    // later (see TurnRunner) and the turn completes once the storage is back, instead of failing.
                    LogStepDeferred(lease.TurnId, step, attempt, code, error);
                    throw new VoiceMemoryException(code, message, isTransient: true, error);
                }

                if (!transient || attempt >= options.MaxStepAttempts)
                {
                    LogStepFailed(lease.TurnId, step, attempt, code, error);
                    throw new TurnStepFailedException(step, code, message, error);
                }

                var delay = options.RetryBaseDelay * Math.Pow(2, attempt - 1);
                LogStepRetry(lease.TurnId, step, attempt, code, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>Typed failures keep their code; anything unexpected is retried and, if it persists, reported without internals.</summary>
    private static (string Code, string Message, bool Transient) Classify(string step, Exception error) => error switch
    {
        VoiceMemoryException typed => (typed.Code, typed.Message, typed.IsTransient),
        _ when StorageFailures.Translate(error, $"the {step} step") is { } storage => (storage.Code, storage.Message, true),
        OperationCanceledException or TimeoutException => (ErrorCodes.ProviderTimeout, $"The {step} step timed out.", true),
        _ => (ErrorCodes.StepFailed, $"The {step} step failed unexpectedly.", true),
    };

    private static bool IsStorage(string code) => code is ErrorCodes.StorageFull or ErrorCodes.StorageUnavailable;

    private sealed record Checkpoint<T>(string Step, T Output);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Turn {TurnId}: step {Step} attempt {Attempt} failed ({Code}); retrying in {DelayMs} ms")]
    private partial void LogStepRetry(string turnId, string step, int attempt, string code, double delayMs);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "Turn {TurnId}: step {Step} still cannot store its work after {Attempt} attempt(s) ({Code}); the job will run again later")]
    private partial void LogStepDeferred(string turnId, string step, int attempt, string code, Exception error);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "Turn {TurnId}: step {Step} failed for good after {Attempt} attempt(s) ({Code})")]
    private partial void LogStepFailed(string turnId, string step, int attempt, string code, Exception error);
}
