using System.Globalization;

namespace VoiceMemory.Harness.Reporting;

/// <summary>Nearest-rank percentiles of measured values (milliseconds unless stated).</summary>
internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>"p50 12 / p95 40 / p99 80 / max 95 ms (n=500)".</summary>
    public static string Describe(IEnumerable<double> values, string unit = "ms")
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return "no samples";
        }

        return string.Create(
            CultureInfo.InvariantCulture,
            $"p50 {Of(sorted, 50):0} / p95 {Of(sorted, 95):0} / p99 {Of(sorted, 99):0} / max {sorted[^1]:0} {unit} (n={sorted.Count})");
    }
}
