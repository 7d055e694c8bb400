using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// The Azure turn store with one addition: a queued turn gets its <see cref="PendingTurns"/> marker <em>before</em> its
/// record is written, so no accepted turn can exist without a trace the sweeper can find. Everything else passes through.
/// </summary>
public sealed class PendingTurnTrackingStore(ITurnStore inner, PendingTurns pending) : ITurnStore
{
    public async Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.State == TurnState.Queued)
        {
            await pending.AddAsync(record.UserId, record.TurnId, record.CreatedAt, cancellationToken);
        }

        return await inner.AddAsync(record, cancellationToken);
    }

    public Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.GetAsync(userId, turnId, cancellationToken);

    public Task SaveAsync(TurnRecord record, CancellationToken cancellationToken) => inner.SaveAsync(record, cancellationToken);

    public Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken) => inner.ListByUserAsync(userId, limit, cursor, cancellationToken);

    public IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.ListOlderThanAsync(cutoff, cancellationToken);

    public IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.DeleteAsync(userId, turnId, cancellationToken);

    public Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken) => inner.DeleteUserAsync(userId, cancellationToken);
}
