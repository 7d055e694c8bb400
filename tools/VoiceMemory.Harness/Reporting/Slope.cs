namespace VoiceMemory.Harness.Reporting;

/// <summary>Least-squares slope of y over x.</summary>
internal static class Slope
{
    public static double Of(IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            return double.NaN;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var numerator = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var denominator = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return denominator == 0 ? double.NaN : numerator / denominator;
    }
}
