namespace VoiceMemory.Turns;

/// <summary>
/// One method per activity of the turn workflow. The Azure host implements it over Durable activity calls with
/// retry options; the self-host over its checkpointed runner. An implementation throws
/// <see cref="TurnStepFailedException"/> when a step has failed after its retries.
/// </summary>
public interface ITurnSteps
{
    Task<UnderstandResult> UnderstandAsync(TurnRequest request);

    Task<RespondResult> RespondAsync(RespondInput input);

    Task<SpeakResult> SpeakAsync(SpeakInput input);

    Task<RememberResult> RememberAsync(RememberInput input);

    /// <summary>Marks the turn failed. Called by the workflow when a step has failed for good.</summary>
    Task FailAsync(TurnFailure failure);
}
