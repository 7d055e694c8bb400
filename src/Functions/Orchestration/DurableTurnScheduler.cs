using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Schedules a turn's orchestration with instance id = turn id. A turn whose instance already exists, in any state, is
/// not started again (a completed instance would otherwise be overwritten and the turn run twice). Once the instance
/// exists, the turn's <see cref="PendingTurns"/> marker is removed.
/// </summary>
public sealed partial class DurableTurnScheduler(DurableClientScope scope, PendingTurns pending, ILogger<DurableTurnScheduler> logger) : ITurnScheduler
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Terminated,
    ];

    public async Task ScheduleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await StartAsync(scope.Current, request, cancellationToken);
    }

    /// <summary>Starts the turn's orchestration unless it exists; true when this call started it.</summary>
    public async Task<bool> StartAsync(DurableTaskClient client, TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var started = false;
        if (await client.GetInstanceAsync(request.TurnId, getInputsAndOutputs: false, cancellationToken) is null)
        {
            try
            {
                var options = new StartOrchestrationOptions(request.TurnId).WithDedupeStatuses(AnyStatus);
                await client.ScheduleNewOrchestrationInstanceAsync(TurnOrchestrator.Name, request, options, cancellationToken);
                started = true;
                LogScheduled(request.TurnId);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Two starts raced: the other one won, which is all that was wanted. Anything else is a real failure.
                if (await client.GetInstanceAsync(request.TurnId, getInputsAndOutputs: false, cancellationToken) is null)
                {
                    throw;
                }
            }
        }

        try
        {
            await pending.RemoveAsync(request.TurnId, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The turn is running; a leftover marker only costs the sweeper one look.
            LogMarkerLeft(request.TurnId, error);
        }

        return started;
    }

    [LoggerMessage(EventId = 8301, Level = LogLevel.Information, Message = "Turn {TurnId}: orchestration scheduled")]
    private partial void LogScheduled(string turnId);

    [LoggerMessage(EventId = 8302, Level = LogLevel.Warning, Message = "Turn {TurnId}: its pending marker could not be removed; the sweeper will")]
    private partial void LogMarkerLeft(string turnId, Exception error);
}
