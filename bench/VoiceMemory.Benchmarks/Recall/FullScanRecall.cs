using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Benchmarks.Recall;

/// <summary>
/// The baseline recall without an index: load every fact of the user, score each in memory by how many of the
/// query's words it contains, and let the same <see cref="RecallRanker"/> pick the top k. It does less than
/// <see cref="RecallService"/> (no profile facts, no recent turns), so a ratio against it understates the index's gain.
/// </summary>
public sealed class FullScanRecall(IMemoryStore memory, RecallRanker ranker, int topK)
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "about", "is", "am", "are", "was",
        "do", "does", "did", "i", "me", "my", "you", "what", "when", "where", "who", "how", "tell", "remember",
    };

    public async Task<IReadOnlyList<MemoryFact>> RecallAsync(string userId, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = Words(query).Where(w => !StopWords.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var facts = await memory.ListFactsAsync(userId, int.MaxValue, cancellationToken);
        var scored = facts.Select(f => new ScoredFact(f, Words(f.Text).Count(terms.Contains))).ToList();
        return ranker.Rank(scored, topK);
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split((char[])[' ', '.', ',', '?', '!', '\''], StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal);
}
