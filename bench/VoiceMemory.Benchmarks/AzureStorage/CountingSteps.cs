using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>The workflow's steps called directly on <see cref="TurnActivities"/>, each labelled for the <see cref="RequestCounter"/>.</summary>
public sealed class CountingSteps(TurnActivities activities) : ITurnSteps
{
    public Task<UnderstandResult> UnderstandAsync(TurnRequest request) => Run(StepNames.Understand, () => activities.UnderstandAsync(request, CancellationToken.None));

    public Task<RespondResult> RespondAsync(RespondInput input) => Run(StepNames.Respond, () => activities.RespondAsync(input, CancellationToken.None));

    public Task<SpeakResult> SpeakAsync(SpeakInput input) => Run(StepNames.Speak, () => activities.SpeakAsync(input, CancellationToken.None));

    public Task<RememberResult> RememberAsync(RememberInput input) => Run(StepNames.Remember, () => activities.RememberAsync(input, CancellationToken.None));

    public Task FailAsync(TurnFailure failure) => Run("fail", async () =>
    {
        await activities.FailAsync(failure, CancellationToken.None);
        return true;
    });

    // The label is set inside this async method, so it flows into the step's calls and is gone after it.
    private static async Task<T> Run<T>(string step, Func<Task<T>> call)
    {
        RequestCounter.Step = step;
        return await call();
    }
}
