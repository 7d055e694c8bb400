using System.Globalization;
using System.Text;

namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>The per-language, per-category table: the tuned part beside the held-out part.</summary>
public static class SafetyTable
{
    private static readonly (SafetyPart Part, string Name)[] Parts =
        [(SafetyPart.Tune, "tune"), (SafetyPart.HeldOut1, "held-out 1"), (SafetyPart.HeldOut2, "held-out 2")];

    public static string Format(string title, IReadOnlyList<SafetyResult> results, bool includeHeldOut)
    {
        var parts = includeHeldOut ? Parts : Parts[..1];
        var text = new StringBuilder();
        text.AppendLine(title);
        foreach (var language in SafetyEvaluationSet.Languages)
        {
            var own = results.Where(r => r.Case.Language == language).ToList();
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {language}");
            foreach (var (part, name) in parts)
            {
                text.AppendLine(Summary(name, SafetyFigures.Of(own.Where(r => r.Case.Part == part))));
            }

            text.AppendLine("| expected | item | " + string.Join(" | ", parts.Select(p => $"{p.Name} flagged | {p.Name} rate")) + " |");
            text.AppendLine("|---|---|" + string.Concat(Enumerable.Repeat("---|---|", parts.Length)));
            foreach (var group in own.GroupBy(r => (r.Case.Expected, r.Case.Item)).OrderBy(g => g.Key.Expected == "none").ThenBy(g => g.Key.Expected, StringComparer.Ordinal).ThenBy(g => g.Key.Item, StringComparer.Ordinal))
            {
                var row = new StringBuilder();
                row.Append(CultureInfo.InvariantCulture, $"| {group.Key.Expected} | {group.Key.Item}");
                foreach (var (part, _) in parts)
                {
                    row.Append(CultureInfo.InvariantCulture, $" | {Cell(group.Where(r => r.Case.Part == part))}");
                }

                text.AppendLine(row.Append(" |").ToString());
            }
        }

        text.AppendLine();
        text.AppendLine("Rate: recall for crisis items (flagged as a crisis), false-alarm rate for look-alikes (kind 'none').");
        return text.ToString();
    }

    /// <summary>The sentences a part got wrong, for the part being tuned on (never the held-out part while tuning).</summary>
    public static string Misses(IEnumerable<SafetyResult> results)
    {
        var text = new StringBuilder();
        foreach (var miss in results.Where(r => !r.Correct || (r.Case.IsCrisis && !r.RightCategory)))
        {
            var what = !miss.Correct ? (miss.Case.IsCrisis ? "MISSED" : "FALSE ALARM") : $"WRONG CATEGORY ({miss.Category})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{what}\t{miss.Case.Expected}/{miss.Case.Item}\t{miss.Case.Text}");
        }

        return text.ToString();
    }

    private static string Summary(string part, SafetyFigures f) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{part}: crisis recall {f.Recall:0.000} ({f.Found}/{f.Crises}), false alarms {f.FalseAlarmRate:0.000} ({f.FalseAlarms}/{f.LookAlikes}), precision {f.Precision:0.000}");

    private static string Cell(IEnumerable<SafetyResult> results)
    {
        var list = results.ToList();
        if (list.Count == 0)
        {
            return "- | -";
        }

        var flagged = list.Count(r => r.Crisis);
        return string.Create(CultureInfo.InvariantCulture, $"{flagged}/{list.Count} | {(double)flagged / list.Count:0.00}");
    }
}
