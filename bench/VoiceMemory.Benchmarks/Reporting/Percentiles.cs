namespace VoiceMemory.Benchmarks.Reporting;

/// <summary>Nearest-rank percentiles over a sample.</summary>
public static class Percentiles
{
    /// <summary>The <paramref name="percentile"/> (0–100) of <paramref name="values"/> by nearest rank.</summary>
    public static double Of(IReadOnlyCollection<double> values, double percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> values) => Of(values, 50);
}
