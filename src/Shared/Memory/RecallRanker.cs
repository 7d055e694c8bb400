using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Memory;

/// <summary>
/// Orders candidate facts for recall: relevance (lexical score normalised to the best candidate, blended with
/// cosine similarity when embeddings are available) plus a recency boost that halves every
/// <see cref="MemoryOptions.RecencyHalfLifeDays"/>. Pure apart from reading the clock; ties break on newest, then id.
/// </summary>
public sealed class RecallRanker(IOptions<MemoryOptions> options, TimeProvider time)
{
    // Relevance dominates so an old but pertinent fact beats a fresh unrelated one; recency orders near-equals.
    private const double RelevanceWeight = 0.8;
    private const double RecencyWeight = 0.2;

    // Any shared word counts (0.3), a stronger match more (0.7): a weak match still outranks no match at all.
    private const double MatchedWeight = 0.3;
    private const double LexicalStrengthWeight = 0.7;

    // With embeddings, meaning counts a little more than words, so a paraphrase without shared words can win.
    private const double SemanticShare = 0.6;

    /// <summary>The best <paramref name="topK"/> facts by lexical relevance and recency, best first.</summary>
    public IReadOnlyList<MemoryFact> Rank(IReadOnlyList<ScoredFact> candidates, int topK) => RankCore(candidates, null, topK);

    /// <summary>
    /// The best <paramref name="topK"/> facts by lexical relevance, semantic similarity and recency, best first.
    /// <paramref name="semanticScores"/> holds the cosine similarity of each fact (by id) to the query; a missing id
    /// counts as unrelated.
    /// </summary>
    public IReadOnlyList<MemoryFact> Rank(IReadOnlyList<ScoredFact> candidates, IReadOnlyDictionary<string, double> semanticScores, int topK)
    {
        ArgumentNullException.ThrowIfNull(semanticScores);
        return RankCore(candidates, semanticScores, topK);
    }

    private List<MemoryFact> RankCore(IReadOnlyList<ScoredFact> candidates, IReadOnlyDictionary<string, double>? semanticScores, int topK)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (topK <= 0 || candidates.Count == 0)
        {
            return [];
        }

        // The same fact may come from the search and from the recent list: keep its best score.
        var unique = candidates
            .GroupBy(c => c.Fact.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => Sanitize(c.LexicalScore))!)
            .ToList();
        var best = unique.Max(c => Sanitize(c.LexicalScore));

        // Cosines of one embedding model sit in a narrow band; like lexical scores they count relative to the best.
        var bestSimilarity = semanticScores is null ? 0 : unique.Max(c => Similarity(c, semanticScores));
        var now = time.GetUtcNow();
        var halfLife = options.Value.RecencyHalfLifeDays > 0 ? options.Value.RecencyHalfLifeDays : 30;

        return unique
            .Select(c => (c.Fact, Score: Score(c, best, semanticScores, bestSimilarity, Recency(c.Fact, now, halfLife))))
            .OrderByDescending(s => s.Score)
            .ThenByDescending(s => s.Fact.UpdatedAt)
            .ThenBy(s => s.Fact.Id, StringComparer.Ordinal)
            .Take(topK)
            .Select(s => s.Fact)
            .ToList();
    }

    private static double Score(ScoredFact candidate, double best, IReadOnlyDictionary<string, double>? semanticScores, double bestSimilarity, double recency)
    {
        var lexical = Sanitize(candidate.LexicalScore);
        var strength = best > 0 ? lexical / best : 0;
        var relevance = (lexical > 0 ? MatchedWeight : 0) + (LexicalStrengthWeight * strength);
        if (semanticScores is not null)
        {
            var similarity = bestSimilarity > 0 ? Similarity(candidate, semanticScores) / bestSimilarity : 0;
            relevance = (SemanticShare * similarity) + ((1 - SemanticShare) * relevance);
        }

        return (RelevanceWeight * relevance) + (RecencyWeight * recency);
    }

    private static double Similarity(ScoredFact candidate, IReadOnlyDictionary<string, double> semanticScores) =>
        semanticScores.TryGetValue(candidate.Fact.Id, out var cosine) ? Math.Min(Sanitize(cosine), 1) : 0;

    private static double Recency(MemoryFact fact, DateTimeOffset now, double halfLifeDays)
    {
        var ageDays = Math.Max(0, (now - fact.UpdatedAt).TotalDays);
        return Math.Pow(0.5, ageDays / halfLifeDays);
    }

    // The port promises "higher is better, 0 = no overlap"; a negative or NaN score from an adapter is no overlap.
    private static double Sanitize(double score) => double.IsFinite(score) && score > 0 ? score : 0;
}
