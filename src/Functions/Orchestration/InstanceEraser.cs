using VoiceMemory.Api;
using VoiceMemory.Storage;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Erasure's Azure part, run before the turns are deleted: every orchestration instance of the user's turns
/// (instance id = turn id) is purged, or terminated and purged once stopped; the user's pending-turn markers go too.
/// </summary>
public sealed class InstanceEraser(ITurnStore turns, InstancePurger purger, PendingTurns pending, DurableClientScope scope) : IUserDataEraser
{
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var client = scope.Current;
        string? cursor = null;
        do
        {
            var page = await turns.ListByUserAsync(userId, 100, cursor, cancellationToken);
            foreach (var turn in page.Items)
            {
                await purger.RemoveAsync(client, turn.TurnId, cancellationToken);
            }

            cursor = page.Next;
        }
        while (cursor is not null);

        await pending.RemoveUserAsync(userId, cancellationToken);
    }
}
