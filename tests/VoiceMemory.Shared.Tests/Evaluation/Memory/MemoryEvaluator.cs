using System.Text.RegularExpressions;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Tests.Doubles;
using VoiceMemory.Tests.Memory;

namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>
/// Runs a case through the path a turn takes without an LLM: each told turn through the heuristic extractor and
/// into a memory store that upserts by <see cref="FactIdentity"/> (so a keyed fact supersedes), then the question
/// through the real <see cref="RecallService"/> and <see cref="FallbackResponder"/>; and scores the reply.
/// </summary>
internal static class MemoryEvaluator
{
    private const string UserId = "u-eval";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] DontKnowPhrases = ["I don't know", "I don't remember anything", "我还不知道", "我还不记得"];

    public static async Task<(string Reply, MemoryOutcome Outcome)> RunAsync(MemoryCase test, CancellationToken cancellationToken)
    {
        var store = new InMemoryMemoryStore();
        var extractor = new HeuristicFactExtractor();
        for (var i = 0; i < test.Told.Count; i++)
        {
            var facts = await extractor.ExtractAsync(test.Told[i], test.Locale, cancellationToken);
            if (facts.Count > 0)
            {
                await store.UpsertFactsAsync(UserId, $"t{i}", facts, Start.AddDays(i), cancellationToken);
            }
        }

        var options = MemoryTestData.Options();
        var recall = new RecallService(store, new InMemoryTurnStore(), new RecallRanker(options, new FixedClock(Start.AddDays(test.Told.Count))), options);
        var context = await recall.RecallAsync(UserId, test.Question, "t-question", cancellationToken);
        var reply = new FallbackResponder().Respond(test.Question, context, test.Locale);
        return (reply, Score(test, reply));
    }

    public static MemoryOutcome Score(MemoryCase test, string reply)
    {
        if (test.Stale.Any(word => Contains(reply, word)))
        {
            return MemoryOutcome.WrongFact;
        }

        if (test.NeverTold)
        {
            return DontKnowPhrases.Any(p => reply.Contains(p, StringComparison.OrdinalIgnoreCase)) ? MemoryOutcome.Correct : MemoryOutcome.Missed;
        }

        return test.Expected.All(alternatives => alternatives.Any(word => Contains(reply, word))) ? MemoryOutcome.Correct : MemoryOutcome.Missed;
    }

    // Whole Latin words and numbers ("Jon" is not in "John", "70" not in "1970"); Chinese has no word breaks, so a
    // substring, and a number may touch Chinese characters ("你今年75岁").
    private static bool Contains(string reply, string word) =>
        word.Any(Locales.IsCjk)
            ? reply.Contains(word, StringComparison.Ordinal)
            : Regex.IsMatch(reply, @"(?<![A-Za-z\d])" + Regex.Escape(word) + @"(?![A-Za-z\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
