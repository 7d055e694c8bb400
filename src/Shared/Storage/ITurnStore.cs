using VoiceMemory.Turns;

namespace VoiceMemory.Storage;

/// <summary>Keeps turn records. Every user's turns are isolated: reads take the user id.</summary>
public interface ITurnStore
{
    /// <summary>
    /// Adds a new turn. When the record carries an idempotency key and the same user already has a turn with that
    /// key, nothing is written and the existing turn is returned; otherwise the added record is returned.
    /// </summary>
    Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken);

    /// <summary>The user's turn, or null (also when the turn belongs to someone else).</summary>
    Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken);

    /// <summary>Writes the whole record (upsert keyed by user and turn id).</summary>
    Task SaveAsync(TurnRecord record, CancellationToken cancellationToken);

    /// <summary>The user's turns, newest first. <paramref name="cursor"/> is a <see cref="TurnPage.Next"/> value.</summary>
    Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>Turns of any user created before <paramref name="cutoff"/> (retention).</summary>
    IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Every turn of every user (backup).</summary>
    IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken);

    /// <summary>Deletes every turn of the user; returns how many.</summary>
    Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken);
}
