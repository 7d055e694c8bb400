using Azure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// The turn's activity functions, one per workflow step, each a call into the shared <see cref="TurnActivities"/>.
/// A failure leaves as <see cref="TransientStepException"/> or <see cref="PermanentStepException"/> carrying its stable
/// code, so the orchestrator's retry policy retries only what may succeed on a second try.
/// </summary>
public sealed partial class TurnActivityFunctions(TurnActivities activities, ILogger<TurnActivityFunctions> logger)
{
    [Function(StepNames.Understand)]
    public Task<UnderstandResult> UnderstandAsync([ActivityTrigger] TurnRequest request, CancellationToken cancellationToken) =>
        GuardAsync(StepNames.Understand, request?.TurnId, () => activities.UnderstandAsync(request!, cancellationToken));

    [Function(StepNames.Respond)]
    public Task<RespondResult> RespondAsync([ActivityTrigger] RespondInput input, CancellationToken cancellationToken) =>
        GuardAsync(StepNames.Respond, input?.Request.TurnId, () => activities.RespondAsync(input!, cancellationToken));

    [Function(StepNames.Speak)]
    public Task<SpeakResult> SpeakAsync([ActivityTrigger] SpeakInput input, CancellationToken cancellationToken) =>
        GuardAsync(StepNames.Speak, input?.Request.TurnId, () => activities.SpeakAsync(input!, cancellationToken));

    [Function(StepNames.Remember)]
    public Task<RememberResult> RememberAsync([ActivityTrigger] RememberInput input, CancellationToken cancellationToken) =>
        GuardAsync(StepNames.Remember, input?.Request.TurnId, () => activities.RememberAsync(input!, cancellationToken));

    [Function(StepNames.Fail)]
    public Task<bool> FailAsync([ActivityTrigger] TurnFailure failure, CancellationToken cancellationToken) =>
        GuardAsync(StepNames.Fail, failure?.Request.TurnId, async () =>
        {
            await activities.FailAsync(failure!, cancellationToken);
            return true;
        });

    private async Task<T> GuardAsync<T>(string step, string? turnId, Func<Task<T>> run)
    {
        if (turnId is null)
        {
            throw StepFailure.ToException(ErrorCodes.InvalidRequest, $"The {step} step received no input.", transient: false, null);
        }

        try
        {
            return await run();
        }
        catch (Exception error)
        {
            var (code, message, transient) = Classify(step, error);
            LogStepAttemptFailed(turnId, step, code, transient, error);
            throw StepFailure.ToException(code, message, transient, error);
        }
    }

    /// <summary>Typed failures keep their code; storage and timeouts are transient; anything unexpected is retried and reported without internals.</summary>
    internal static (string Code, string Message, bool Transient) Classify(string step, Exception error) => error switch
    {
        VoiceMemoryException typed => (typed.Code, typed.Message, typed.IsTransient),
        RequestFailedException => (ErrorCodes.StorageUnavailable, $"Storage could not be reached in the {step} step.", true),
        OperationCanceledException or TimeoutException => (ErrorCodes.ProviderTimeout, $"The {step} step timed out.", true),
        _ => (ErrorCodes.StepFailed, $"The {step} step failed unexpectedly.", true),
    };

    [LoggerMessage(EventId = 8201, Level = LogLevel.Warning, Message = "Turn {TurnId}: activity {Step} failed ({Code}, transient: {Transient})")]
    private partial void LogStepAttemptFailed(string turnId, string step, string code, bool transient, Exception error);
}
