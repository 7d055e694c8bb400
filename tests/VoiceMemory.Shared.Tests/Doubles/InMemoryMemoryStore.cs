using System.Collections.Concurrent;
using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Tests.Doubles;

/// <summary>An <see cref="IMemoryStore"/> in dictionaries, faithful to the port's docs; counts writes.</summary>
internal sealed class InMemoryMemoryStore : IMemoryStore
{
    private readonly ConcurrentDictionary<(string UserId, string FactId), MemoryFact> facts = new();
    private readonly ConcurrentDictionary<(string UserId, DateOnly Day), string> journal = new();
    private readonly ConcurrentDictionary<(string UserId, DateOnly Day, string TurnId), bool> journaled = new();
    private int writes;

    public int Writes => writes;

    public Task<IReadOnlyList<MemoryFact>> UpsertFactsAsync(string userId, string sourceTurnId, IReadOnlyList<ExtractedFact> extracted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        var written = new List<MemoryFact>();
        foreach (var fact in extracted)
        {
            var id = FactIdentity.IdFor(userId, fact);
            var stored = facts.AddOrUpdate(
                (userId, id),
                _ => new MemoryFact(id, userId, fact.Text, fact.Kind, fact.Key, sourceTurnId, now, now),
                (_, old) => old with { Text = fact.Text, Kind = fact.Kind, SourceTurnId = sourceTurnId, UpdatedAt = now });
            written.Add(stored);
        }

        return Task.FromResult<IReadOnlyList<MemoryFact>>(written);
    }

    public Task<IReadOnlyList<MemoryFact>> ListFactsAsync(string userId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MemoryFact>>(facts.Values.Where(f => f.UserId == userId).OrderByDescending(f => f.UpdatedAt).Take(limit).ToList());

    public Task<IReadOnlyList<MemoryFact>> ListFactsByKindAsync(string userId, FactKind kind, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MemoryFact>>(facts.Values.Where(f => f.UserId == userId && f.Kind == kind).OrderByDescending(f => f.UpdatedAt).Take(limit).ToList());

    public Task<IReadOnlyList<ScoredFact>> SearchFactsAsync(string userId, string query, int limit, CancellationToken cancellationToken)
    {
        var words = Words(query);
        var scored = facts.Values
            .Where(f => f.UserId == userId)
            .Select(f => new ScoredFact(f, Words(f.Text).Intersect(words).Count()))
            .Where(s => s.LexicalScore > 0)
            .OrderByDescending(s => s.LexicalScore)
            .Take(limit)
            .ToList();
        return Task.FromResult<IReadOnlyList<ScoredFact>>(scored);
    }

    public Task<bool> DeleteFactAsync(string userId, string factId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        return Task.FromResult(facts.TryRemove((userId, factId), out _));
    }

    public Task AppendJournalAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        if (journaled.TryAdd((userId, day, turnId), true))
        {
            journal.AddOrUpdate((userId, day), entryMarkdown + "\n", (_, old) => old + entryMarkdown + "\n");
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalDay>> ReadJournalAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<JournalDay>>(journal.Where(p => p.Key.UserId == userId).OrderBy(p => p.Key.Day).Select(p => new JournalDay(userId, p.Key.Day, p.Value)).ToList());

    public Task EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        foreach (var key in facts.Keys.Where(k => k.UserId == userId))
        {
            facts.TryRemove(key, out _);
        }

        foreach (var key in journal.Keys.Where(k => k.UserId == userId))
        {
            journal.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public IAsyncEnumerable<MemoryFact> ExportFactsAsync(CancellationToken cancellationToken) =>
        facts.Values.OrderBy(f => f.UserId, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToList().ToAsyncEnumerable();

    public IAsyncEnumerable<JournalDay> ExportJournalAsync(CancellationToken cancellationToken) =>
        journal.OrderBy(p => p.Key.UserId, StringComparer.Ordinal).ThenBy(p => p.Key.Day).Select(p => new JournalDay(p.Key.UserId, p.Key.Day, p.Value)).ToList().ToAsyncEnumerable();

    public Task ImportFactAsync(MemoryFact fact, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        facts[(fact.UserId, fact.Id)] = fact;
        return Task.CompletedTask;
    }

    public Task ImportJournalDayAsync(JournalDay day, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        journal[(day.UserId, day.Day)] = day.Markdown;
        return Task.CompletedTask;
    }

    private static HashSet<string> Words(string text) =>
        [.. text.ToUpperInvariant().Split([' ', ',', '.', '?', '!'], StringSplitOptions.RemoveEmptyEntries)];
}
