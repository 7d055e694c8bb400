using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using VoiceMemory.Storage;
using VoiceMemory.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Finds turns accepted more than <see cref="Grace"/> ago whose orchestration was never scheduled (a crash or a failed
/// start between recording the turn and scheduling it) and schedules them; clears markers of turns that are running,
/// finished or gone. Counts re-scheduled turns in <c>voicememory.turns.rescheduled</c> [host=functions].
/// </summary>
public sealed partial class QueuedTurnSweeper(
    PendingTurns pending,
    ITurnStore turns,
    DurableTurnScheduler scheduler,
    TimeProvider time,
    ILogger<QueuedTurnSweeper> logger)
{
    /// <summary>A marker younger than this belongs to an intake that may still be scheduling.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    public async Task<int> SweepAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var rescheduled = 0;
        var markers = new List<PendingTurn>();
        await foreach (var marker in pending.ListOlderThanAsync(time.GetUtcNow() - Grace, cancellationToken))
        {
            markers.Add(marker);
        }

        foreach (var marker in markers)
        {
            var turn = await turns.GetAsync(marker.UserId, marker.TurnId, cancellationToken);
            if (turn is null || turn.State != TurnState.Queued)
            {
                // Never recorded (an idempotent repeat), erased, or already under way.
                await pending.RemoveAsync(marker.TurnId, cancellationToken);
                continue;
            }

            if (await scheduler.StartAsync(client, TurnRequests.From(turn), cancellationToken))
            {
                rescheduled++;
            }
        }

        if (rescheduled > 0)
        {
            VoiceMemoryTelemetry.TurnsRescheduled.Add(rescheduled, new KeyValuePair<string, object?>("host", "functions"));
            LogRescheduled(rescheduled);
        }

        return rescheduled;
    }

    [LoggerMessage(EventId = 8401, Level = LogLevel.Warning, Message = "Re-scheduled {Count} accepted turn(s) that had no orchestration")]
    private partial void LogRescheduled(int count);
}
