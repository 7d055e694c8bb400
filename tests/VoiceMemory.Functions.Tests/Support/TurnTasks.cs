using Microsoft.DurableTask;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>
/// Registers the orchestrator and the activity functions with a Durable test host under the names the Functions host
/// gives them. <paramref name="observe"/> sees each call (activity name, or the orchestrator's name for each episode).
/// </summary>
internal static class TurnTasks
{
    public static void Register(DurableTaskRegistry registry, Func<TurnActivityFunctions> functions, Action<string>? observe = null)
    {
        registry.AddOrchestratorFunc<TurnRequest, TurnOutcome>(TurnOrchestrator.Name, (context, request) =>
        {
            observe?.Invoke(TurnOrchestrator.Name);
            return TurnOrchestrator.RunAsync(context, request);
        });
        registry.AddActivityFunc<TurnRequest, UnderstandResult>(StepNames.Understand, (_, input) =>
        {
            observe?.Invoke(StepNames.Understand);
            return functions().UnderstandAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<RespondInput, RespondResult>(StepNames.Respond, (_, input) =>
        {
            observe?.Invoke(StepNames.Respond);
            return functions().RespondAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<SpeakInput, SpeakResult>(StepNames.Speak, (_, input) =>
        {
            observe?.Invoke(StepNames.Speak);
            return functions().SpeakAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<RememberInput, RememberResult>(StepNames.Remember, (_, input) =>
        {
            observe?.Invoke(StepNames.Remember);
            return functions().RememberAsync(input, CancellationToken.None);
        });
        registry.AddActivityFunc<TurnFailure, bool>(StepNames.Fail, (_, input) =>
        {
            observe?.Invoke(StepNames.Fail);
            return functions().FailAsync(input, CancellationToken.None);
        });
    }
}
