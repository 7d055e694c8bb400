namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>
/// Loads the safety evaluation set beside the test assembly: <c>{language}-crisis.tsv</c> and <c>{language}-lookalike.tsv</c>
/// (split by hash into the tune part and the first held-out part), <c>{language}-*-heldout2.tsv</c> (the second held-out part).
/// </summary>
public static class SafetyEvaluationSet
{
    public static readonly string[] Languages = ["en", "zh"];

    public static IReadOnlyList<SafetyCase> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Evaluation", "Safety");
        var cases = new List<SafetyCase>();
        foreach (var language in Languages)
        {
            foreach (var file in new[] { $"{language}-crisis.tsv", $"{language}-lookalike.tsv", $"{language}-crisis-heldout2.tsv", $"{language}-lookalike-heldout2.tsv" })
            {
                var second = file.EndsWith("-heldout2.tsv", StringComparison.Ordinal);
                foreach (var line in File.ReadLines(Path.Combine(folder, file)))
                {
                    if (line.Length == 0 || line.StartsWith('#'))
                    {
                        continue;
                    }

                    var columns = line.Split('\t');
                    if (columns.Length != 3)
                    {
                        throw new InvalidDataException($"{file}: expected 3 tab-separated columns: {line}");
                    }

                    var part = second ? SafetyPart.HeldOut2 : EvaluationSplit.IsHeldOut(columns[2]) ? SafetyPart.HeldOut1 : SafetyPart.Tune;
                    cases.Add(new SafetyCase(language, columns[0], columns[1], columns[2], part));
                }
            }
        }

        return cases;
    }
}
