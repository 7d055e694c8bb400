using System.Collections.Concurrent;
using System.Globalization;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Doubles;

/// <summary>An <see cref="ITurnStore"/> in a dictionary, faithful to the port's docs; counts writes.</summary>
internal sealed class InMemoryTurnStore : ITurnStore
{
    private readonly ConcurrentDictionary<(string UserId, string TurnId), TurnRecord> turns = new();
    private int writes;

    /// <summary>Adds, saves and deletes so far.</summary>
    public int Writes => writes;

    public IReadOnlyCollection<TurnRecord> All => [.. turns.Values];

    public Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        if (record.IdempotencyKey is not null)
        {
            var existing = turns.Values.FirstOrDefault(t => t.UserId == record.UserId && t.IdempotencyKey == record.IdempotencyKey);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }
        }

        Interlocked.Increment(ref writes);
        turns[(record.UserId, record.TurnId)] = record;
        return Task.FromResult(record);
    }

    public Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken) =>
        Task.FromResult(turns.GetValueOrDefault((userId, turnId)));

    public Task SaveAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        turns[(record.UserId, record.TurnId)] = record;
        return Task.CompletedTask;
    }

    public Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var skip = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var mine = turns.Values.Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.TurnId, StringComparer.Ordinal).ToList();
        var page = mine.Skip(skip).Take(limit).ToList();
        var next = skip + page.Count < mine.Count ? (skip + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new TurnPage(page, next));
    }

    public IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        turns.Values.Where(t => t.CreatedAt < cutoff).OrderBy(t => t.CreatedAt).ToList().ToAsyncEnumerable();

    public IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken) =>
        turns.Values.OrderBy(t => t.UserId, StringComparer.Ordinal).ThenBy(t => t.TurnId, StringComparer.Ordinal).ToList().ToAsyncEnumerable();

    public Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        return Task.FromResult(turns.TryRemove((userId, turnId), out _));
    }

    public Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        var removed = turns.Keys.Where(k => k.UserId == userId).Count(k => turns.TryRemove(k, out _));
        return Task.FromResult(removed);
    }
}
