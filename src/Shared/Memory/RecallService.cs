using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Memory;

/// <summary>
/// Recall for one turn: the user's profile facts, the most relevant other facts (lexical search plus the newest
/// facts, ranked by <see cref="RecallRanker"/>, with embeddings when an <see cref="ITextEmbedder"/> is given) and the
/// last completed exchanges, all within <see cref="MemoryOptions.BudgetChars"/>.
/// </summary>
public sealed class RecallService(
    IMemoryStore memory,
    ITurnStore turns,
    RecallRanker ranker,
    IOptions<MemoryOptions> options,
    ITextEmbedder? embedder = null)
{
    // Turns skipped for having no transcript (empty speech, crisis) should not starve recall, but paging is bounded.
    private const int MaxTurnPages = 3;

    /// <summary>What to remember for <paramref name="query"/>; <paramref name="currentTurnId"/> is left out of the recent turns.</summary>
    public async Task<MemoryContext> RecallAsync(string userId, string query, string currentTurnId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var settings = options.Value;
        query ??= string.Empty;

        var profileTask = settings.MaxProfileFacts > 0
            ? memory.ListFactsByKindAsync(userId, FactKind.Profile, settings.MaxProfileFacts, cancellationToken)
            : Task.FromResult<IReadOnlyList<MemoryFact>>([]);
        var searchTask = settings.TopK > 0 && !string.IsNullOrWhiteSpace(query)
            ? memory.SearchFactsAsync(userId, query, Math.Max(settings.TopK * 3, 16), cancellationToken)
            : Task.FromResult<IReadOnlyList<ScoredFact>>([]);

        // The newest facts are candidates too, so "what do you remember about me?" (no shared words) finds something.
        var newestTask = settings.TopK > 0
            ? memory.ListFactsAsync(userId, settings.TopK + settings.MaxProfileFacts, cancellationToken)
            : Task.FromResult<IReadOnlyList<MemoryFact>>([]);
        var turnsTask = settings.RecentTurns > 0
            ? RecentTurnsAsync(userId, currentTurnId, settings, cancellationToken)
            : Task.FromResult<IReadOnlyList<RecentTurn>>([]);
        await Task.WhenAll(profileTask, searchTask, newestTask, turnsTask);

        // Per-user isolation does not rest on the adapter alone.
        var profile = (await profileTask).Where(f => f.UserId == userId && f.Kind == FactKind.Profile).ToList();
        var profileIds = profile.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = (await searchTask)
            .Concat((await newestTask).Select(f => new ScoredFact(f, 0)))
            .Where(c => c.Fact.UserId == userId && !profileIds.Contains(c.Fact.Id))
            .GroupBy(c => c.Fact.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.LexicalScore)!)
            .ToList();

        var semantic = await SemanticScoresAsync(query, candidates, cancellationToken);
        var relevant = semantic is null
            ? ranker.Rank(candidates, settings.TopK)
            : ranker.Rank(candidates, semantic, settings.TopK);

        var context = new MemoryContext(profile, relevant, await turnsTask);
        return MemoryBudget.Fit(context, settings.BudgetChars, f => f.Text.Length, t => t.UserText.Length + t.ReplyText.Length);
    }

    /// <summary>Cosine similarity of each candidate to the query, or null to rank by words alone.</summary>
    private async Task<Dictionary<string, double>?> SemanticScoresAsync(string query, List<ScoredFact> candidates, CancellationToken cancellationToken)
    {
        if (embedder is null || candidates.Count == 0 || string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        IReadOnlyList<float[]> vectors;
        try
        {
            vectors = await embedder.EmbedAsync([query, .. candidates.Select(c => c.Fact.Text)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Embeddings only refine the order: an outage, timeout or bad response must never fail recall, and the
            // embedder itself reports its failures. Lexical ranking is the decision.
            return null;
        }

        if (vectors is null || vectors.Count != candidates.Count + 1)
        {
            return null;
        }

        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (VectorMath.Cosine(vectors[0], vectors[i + 1]) is { } cosine)
            {
                scores[candidates[i].Fact.Id] = cosine;
            }
        }

        return scores.Count > 0 ? scores : null;
    }

    private async Task<IReadOnlyList<RecentTurn>> RecentTurnsAsync(string userId, string currentTurnId, MemoryOptions settings, CancellationToken cancellationToken)
    {
        // Long typed turns are clipped so one of them cannot push every other memory out of the budget.
        var clip = Math.Max(120, settings.BudgetChars / 8);
        var picked = new List<RecentTurn>(settings.RecentTurns);
        string? cursor = null;
        for (var page = 0; page < MaxTurnPages && picked.Count < settings.RecentTurns; page++)
        {
            var result = await turns.ListByUserAsync(userId, settings.RecentTurns * 2 + 2, cursor, cancellationToken);
            foreach (var turn in result.Items)
            {
                if (picked.Count < settings.RecentTurns && IsRecallable(turn, userId, currentTurnId))
                {
                    picked.Add(new RecentTurn(turn.TurnId, turn.CreatedAt, Clip(turn.Transcript!.Text, clip), Clip(turn.Reply!.Text, clip)));
                }
            }

            cursor = result.Next;
            if (cursor is null)
            {
                break;
            }
        }

        picked.Reverse();
        return picked;
    }

    // Crisis turns keep no transcript, and never come back into a prompt even if one were stored.
    private static bool IsRecallable(TurnRecord turn, string userId, string currentTurnId) =>
        turn.UserId == userId
        && turn.TurnId != currentTurnId
        && turn.State == TurnState.Completed
        && turn.Transcript is { IsEmpty: false }
        && turn.Reply is { Text.Length: > 0 }
        && turn.Safety?.Action != SafetyAction.CrisisReply;

    private static string Clip(string text, int max)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..(max - 1)].TrimEnd() + "…";
    }
}
