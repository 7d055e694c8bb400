using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// <see cref="ITurnSteps"/> over Durable activity calls: one <c>CallActivityAsync</c> per step with the step's retry
/// policy. A failure that survives its retries becomes <see cref="TurnStepFailedException"/> with the activity's code,
/// which the workflow turns into a failed turn. Replay-safe: no clock, no GUIDs, no I/O here.
/// </summary>
internal sealed partial class DurableTurnSteps(TaskOrchestrationContext context, ILogger logger) : ITurnSteps
{
    public Task<UnderstandResult> UnderstandAsync(TurnRequest request) => CallAsync<UnderstandResult>(StepNames.Understand, request, request.TurnId);

    public Task<RespondResult> RespondAsync(RespondInput input) => CallAsync<RespondResult>(StepNames.Respond, input, input.Request.TurnId);

    public Task<SpeakResult> SpeakAsync(SpeakInput input) => CallAsync<SpeakResult>(StepNames.Speak, input, input.Request.TurnId);

    public Task<RememberResult> RememberAsync(RememberInput input) => CallAsync<RememberResult>(StepNames.Remember, input, input.Request.TurnId);

    public async Task FailAsync(TurnFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await context.CallActivityAsync<bool>(StepNames.Fail, failure, StepRetry.Fail);
    }

    private async Task<T> CallAsync<T>(string step, object input, string turnId)
    {
        try
        {
            return await context.CallActivityAsync<T>(step, input, StepRetry.Work);
        }
        catch (TaskFailedException failed)
        {
            var (code, message) = StepFailure.Read(failed.FailureDetails, step);
            LogStepFailed(logger, turnId, step, code);
            throw new TurnStepFailedException(step, code, message, failed);
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Turn {TurnId}: step {Step} failed for good ({Code})")]
    private static partial void LogStepFailed(ILogger logger, string turnId, string step, string code);
}
