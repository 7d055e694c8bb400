using VoiceMemory.Memory;

namespace VoiceMemory.Storage;

/// <summary>Long-term memory: facts and the Markdown journal. Every call is scoped to one user except export/import.</summary>
public interface IMemoryStore
{
    /// <summary>
    /// Upserts facts learned in <paramref name="sourceTurnId"/>. Ids come from <see cref="FactIdentity"/>, so a keyed
    /// fact replaces the older fact with the same key, and writing the same facts twice leaves one of each.
    /// </summary>
    Task<IReadOnlyList<MemoryFact>> UpsertFactsAsync(string userId, string sourceTurnId, IReadOnlyList<ExtractedFact> facts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The user's facts, most recently updated first.</summary>
    Task<IReadOnlyList<MemoryFact>> ListFactsAsync(string userId, int limit, CancellationToken cancellationToken);

    /// <summary>The user's facts of one kind, most recently updated first.</summary>
    Task<IReadOnlyList<MemoryFact>> ListFactsByKindAsync(string userId, FactKind kind, int limit, CancellationToken cancellationToken);

    /// <summary>Lexical candidates for <paramref name="query"/>: the user's facts sharing words with it, best first.</summary>
    Task<IReadOnlyList<ScoredFact>> SearchFactsAsync(string userId, string query, int limit, CancellationToken cancellationToken);

    Task<bool> DeleteFactAsync(string userId, string factId, CancellationToken cancellationToken);

    /// <summary>Appends the journal entry of <paramref name="turnId"/> to the user's day; a second append of the same turn does nothing.</summary>
    Task AppendJournalAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken);

    /// <summary>The user's journal, oldest day first.</summary>
    Task<IReadOnlyList<JournalDay>> ReadJournalAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Deletes all facts and the journal of the user.</summary>
    Task EraseUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Every fact of every user (backup).</summary>
    IAsyncEnumerable<MemoryFact> ExportFactsAsync(CancellationToken cancellationToken);

    /// <summary>Every journal day of every user (backup).</summary>
    IAsyncEnumerable<JournalDay> ExportJournalAsync(CancellationToken cancellationToken);

    /// <summary>Writes a fact exactly as given (restore).</summary>
    Task ImportFactAsync(MemoryFact fact, CancellationToken cancellationToken);

    /// <summary>Writes a journal day exactly as given, replacing that day (restore).</summary>
    Task ImportJournalDayAsync(JournalDay day, CancellationToken cancellationToken);
}
