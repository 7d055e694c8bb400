using System.Globalization;
using System.Text;

namespace VoiceMemory.Harness.Reporting;

/// <summary>The final block of <c>all</c>: each scenario's verdict and the expectations that did not hold.</summary>
internal static class CombinedSummary
{
    public static string Render(IReadOnlyList<Summary> summaries, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(summaries);
        var text = new StringBuilder();
        const string Title = "===== VoiceMemory harness: all (combined) ";
        text.AppendLine(Title.PadRight(72, '='));
        foreach (var summary in summaries)
        {
            var met = summary.Expectations.Count(e => e.Met);
            text.Append(CultureInfo.InvariantCulture, $"  {summary.Scenario,-10} : {(summary.Passed ? "PASS" : "FAIL")} ({met}/{summary.Expectations.Count})").AppendLine();
            foreach (var failed in summary.Expectations.Where(e => !e.Met))
            {
                text.Append(CultureInfo.InvariantCulture, $"      [FAIL] {failed.Name} : {failed.Detail}").AppendLine();
            }
        }

        var passed = summaries.Count > 0 && summaries.All(s => s.Passed);
        text.Append(CultureInfo.InvariantCulture, $"  elapsed    : {elapsed.TotalMinutes:0.0} min").AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"result: {(passed ? "PASS" : "FAIL")} ({summaries.Count(s => s.Passed)}/{summaries.Count} scenarios passed)").AppendLine();
        text.AppendLine(new string('=', 72));
        return text.ToString();
    }
}
