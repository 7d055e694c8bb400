using VoiceMemory.Safety;
using Xunit.Abstractions;

namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>
/// Scores the default lexicon screen (no LLM, no Content Safety) on the safety evaluation set. The tune part is what
/// the lexicon was tuned on; the held-out part was scored once, at the end, and its floors sit at that measurement so
/// a regression fails. <c>bash scripts/evaluate.sh safety</c> prints the tables.
/// </summary>
public sealed class SafetyEvaluationTests(ITestOutputHelper output)
{
    // The second held-out part's figures, measured once at the end of tuning (README "Safety evaluation"): a regression fails.
    private static readonly (string Language, double MinRecall, double MaxFalseAlarms)[] HeldOutFloors =
    [
        ("en", 0.761, 0.067),
        ("zh", 0.820, 0.055),
    ];

    private static readonly IReadOnlyList<SafetyResult> Results = Score();

    [Fact]
    public void The_set_has_the_size_the_issue_asks_for()
    {
        var all = SafetyEvaluationSet.Load();
        Assert.True(all.Count(c => c.Language == "en" && c.IsCrisis) >= 200);
        Assert.True(all.Count(c => c.Language == "en" && !c.IsCrisis) >= 200);
        Assert.True(all.Count(c => c.Language == "zh" && c.IsCrisis) >= 80);
        Assert.True(all.Count(c => c.Language == "zh" && !c.IsCrisis) >= 80);
        Assert.Equal(all.Count, all.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(all.Count(c => c.Part == SafetyPart.HeldOut1) / (double)all.Count(c => c.Part != SafetyPart.HeldOut2), 0.3, 0.5);
        Assert.True(all.Count(c => c.Part == SafetyPart.HeldOut2) >= 200);
    }

    [Theory]
    [InlineData("en", 0.995, 0.0)]
    [InlineData("zh", 0.991, 0.0)]
    public void Tune_part(string language, double minRecall, double maxFalseAlarms)
    {
        // Tuning looks at the tune part and, after its single scoring, the first held-out part; never at the second.
        var own = Results.Where(r => r.Case.Language == language && r.Case.Part != SafetyPart.HeldOut2).ToList();
        output.WriteLine(SafetyTable.Misses(own));
        var figures = SafetyFigures.Of(own);
        output.WriteLine($"{language} recall {figures.Recall:0.000} false alarms {figures.FalseAlarmRate:0.000}");
        Assert.InRange(figures.Recall, minRecall, 1.0);
        Assert.InRange(figures.FalseAlarmRate, 0.0, maxFalseAlarms);
    }

    [Fact]
    public void Held_out_part()
    {
        var heldOutMisses = SafetyTable.Misses(Results.Where(r => r.Case.Part == SafetyPart.HeldOut2));
        var table = SafetyTable.Format(
            "# Safety evaluation: default lexicon screen (typed turns, no LLM, no Content Safety)", Results, includeHeldOut: true)
            + Environment.NewLine + "Held-out 2 sentences the screen gets wrong:" + Environment.NewLine
            + (heldOutMisses.Length == 0 ? "(none)" + Environment.NewLine : heldOutMisses);
        output.WriteLine(table);
        output.WriteLine("written to " + EvaluationReport.Write("safety", table));

        foreach (var (language, minRecall, maxFalseAlarms) in HeldOutFloors)
        {
            var figures = SafetyFigures.Of(Results.Where(r => r.Case.Language == language && r.Case.Part == SafetyPart.HeldOut2));
            Assert.True(figures.Recall >= minRecall, $"{language} held-out crisis recall {figures.Recall:0.000} fell below {minRecall}");
            Assert.True(figures.FalseAlarmRate <= maxFalseAlarms, $"{language} held-out false alarms {figures.FalseAlarmRate:0.000} rose above {maxFalseAlarms}");
        }
    }

    private static IReadOnlyList<SafetyResult> Score()
    {
        var screen = new LexiconSafetyScreen();
        return SafetyEvaluationSet.Load()
            .Select(c =>
            {
                var verdict = screen.Screen(c.Text, c.Locale, ScreenTarget.UserInput);
                return new SafetyResult(c, verdict.IsCrisis, verdict.Category);
            })
            .ToList();
    }
}
