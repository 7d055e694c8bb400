using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// The turn orchestration: <see cref="VoiceTurnWorkflow"/> over <see cref="DurableTurnSteps"/>. Its instance id is the
/// turn id (see <see cref="DurableTurnScheduler"/>). Only replay-safe calls here: the input, activity results and the
/// replay-safe logger.
/// </summary>
public static partial class TurnOrchestrator
{
    /// <summary>The orchestrator function's name.</summary>
    public const string Name = "TurnOrchestrator";

    [Function(Name)]
    public static Task<TurnOutcome> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetInput<TurnRequest>() ?? throw new InvalidOperationException("The orchestration has no turn request.");
        return RunAsync(context, request);
    }

    /// <summary>Runs one turn (also the registration the in-process test host uses).</summary>
    public static async Task<TurnOutcome> RunAsync(TaskOrchestrationContext context, TurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var logger = context.CreateReplaySafeLogger(Name);
        var outcome = await VoiceTurnWorkflow.RunAsync(request, new DurableTurnSteps(context, logger));
        LogFinished(logger, request.TurnId, outcome.State, outcome.Error?.Code);
        return outcome;
    }

    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Turn {TurnId} orchestration finished: {State} {Code}")]
    private static partial void LogFinished(ILogger logger, string turnId, TurnState state, string? code);
}
