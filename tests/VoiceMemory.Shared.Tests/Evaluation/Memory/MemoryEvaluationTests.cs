using Xunit.Abstractions;

namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>
/// Scores the memory evaluation set (tell → ask, English and Chinese) through the extractor, the memory store, recall
/// and the fallback responder, prints the per-kind table (<c>bash scripts/evaluate.sh memory</c>) and fails when a
/// part falls under its floor. The floors are the held-out figures measured once at the end of tuning; the tune part
/// may show its misses (<c>VOICEMEMORY_EVAL_SHOW_MISSES=tune</c>); the held-out parts' misses are shown only on request
/// (<c>=all</c>), to explain them after they were scored.
/// </summary>
public sealed class MemoryEvaluationTests(ITestOutputHelper output)
{
    // Scored once, before any change they prompted: held-out en 50/51 (0.98), zh 50/51 (0.98); fresh en 46/52 (0.88), zh
    // 33/36 (0.92). Their misses then showed general bugs that were fixed (docs/decisions/0011-memory-evaluation.md), so
    // every part has now been looked at: the floors are today's figures, to catch regressions, not held-out claims.
    private const double EnglishHeldOutFloor = 1.00;
    private const double ChineseHeldOutFloor = 1.00;
    private const double EnglishFreshFloor = 1.00;
    private const double ChineseFreshFloor = 1.00;
    private const double EnglishTuneFloor = 1.00;
    private const double ChineseTuneFloor = 0.98;

    [Fact]
    public async Task MemoryEvaluation_HeldOutAndTuneParts_MeetTheirFloorsAndNeverInventAFact()
    {
        var results = new List<(MemoryCase Case, string Reply, MemoryOutcome Outcome)>();
        foreach (var language in new[] { "en", "zh" })
        {
            foreach (var test in MemoryCaseFile.Load(language).Concat(MemoryCaseFile.Load(language, fresh: true)))
            {
                var (reply, outcome) = await MemoryEvaluator.RunAsync(test, CancellationToken.None);
                results.Add((test, reply, outcome));
            }
        }

        PrintTable(results);
        // Tuning looks at tune misses only. "all" is for explaining misses after the held-out parts were scored, once.
        var show = Environment.GetEnvironmentVariable("VOICEMEMORY_EVAL_SHOW_MISSES");
        if (show is "tune" or "all")
        {
            var misses = results
                .Where(r => (show == "all" || !r.Case.HeldOut) && r.Outcome != MemoryOutcome.Correct)
                .Select(r => $"{(r.Case.Fresh ? "fresh" : r.Case.HeldOut ? "held-out" : "tune")} {r.Outcome}: {r.Case.Language}:{r.Case.Line} {r.Case.Kind} [{string.Join(" || ", r.Case.Told)}] {r.Case.Question} → {r.Reply}");
            var text = string.Join(Environment.NewLine, misses);
            output.WriteLine(text);
            EvaluationReport.Write("memory-misses", text);
        }

        Assert.All(new[] { "en", "zh" }, language => Assert.Contains(results, r => r.Case.Language == language && r.Case.HeldOut));
        AssertFloor(results, "en", Part.HeldOut, EnglishHeldOutFloor);
        AssertFloor(results, "zh", Part.HeldOut, ChineseHeldOutFloor);
        AssertFloor(results, "en", Part.Fresh, EnglishFreshFloor);
        AssertFloor(results, "zh", Part.Fresh, ChineseFreshFloor);
        AssertFloor(results, "en", Part.Tune, EnglishTuneFloor);
        AssertFloor(results, "zh", Part.Tune, ChineseTuneFloor);

        // What was never told is answered "I don't know", never with a fact, in either part.
        Assert.DoesNotContain(results, r => r.Case.NeverTold && r.Outcome == MemoryOutcome.WrongFact);
    }

    private enum Part
    {
        Tune,
        HeldOut,
        Fresh,
    }

    private static Part PartOf(MemoryCase test) => test.Fresh ? Part.Fresh : test.HeldOut ? Part.HeldOut : Part.Tune;

    private static void AssertFloor(List<(MemoryCase Case, string Reply, MemoryOutcome Outcome)> results, string language, Part part, double floor)
    {
        var tally = Tally(results.Where(r => r.Case.Language == language), part);
        Assert.True(tally.CorrectRate >= floor, $"{language} {part}: {tally.Cell()} is under the floor {floor:0.00}");
    }

    // The table goes to the test output and to the evaluation report folder that scripts/evaluate.sh prints.
    private void PrintTable(List<(MemoryCase Case, string Reply, MemoryOutcome Outcome)> results)
    {
        var table = new System.Text.StringBuilder();
        table.AppendLine("## Memory evaluation (tell → ask, fallback responder without an LLM)");
        table.AppendLine("Answered correctly / cases, rate, and wrong facts (a stale or other fact asserted); for 'unknown' (never told) correct = an honest \"I don't know\".");
        table.AppendLine();
        table.AppendLine("| Language | Kind | Tune | Held-out | Fresh held-out |");
        table.AppendLine("|---|---|---|---|---|");
        foreach (var language in new[] { "en", "zh" })
        {
            var ofLanguage = results.Where(r => r.Case.Language == language).ToList();
            foreach (var kind in ofLanguage.Select(r => r.Case.Kind).Distinct(StringComparer.Ordinal))
            {
                var ofKind = ofLanguage.Where(r => r.Case.Kind == kind).ToList();
                table.AppendLine($"| {language} | {kind} | {Tally(ofKind, Part.Tune).Cell()} | {Tally(ofKind, Part.HeldOut).Cell()} | {Tally(ofKind, Part.Fresh).Cell()} |");
            }

            table.AppendLine($"| **{language}** | **all** | **{Tally(ofLanguage, Part.Tune).Cell()}** | **{Tally(ofLanguage, Part.HeldOut).Cell()}** | **{Tally(ofLanguage, Part.Fresh).Cell()}** |");
        }

        table.AppendLine($"| **both** | **all** | **{Tally(results, Part.Tune).Cell()}** | **{Tally(results, Part.HeldOut).Cell()}** | **{Tally(results, Part.Fresh).Cell()}** |");
        output.WriteLine(table.ToString());
        EvaluationReport.Write("memory", table.ToString());
    }

    private static MemoryTally Tally(IEnumerable<(MemoryCase Case, string Reply, MemoryOutcome Outcome)> results, Part part)
    {
        var tally = new MemoryTally();
        foreach (var result in results.Where(r => PartOf(r.Case) == part))
        {
            tally.Add(result.Outcome);
        }

        return tally;
    }
}
