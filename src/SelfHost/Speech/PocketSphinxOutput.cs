using System.Globalization;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Parses <c>pocketsphinx_continuous -time yes</c> output: per utterance, a hypothesis line followed by one line per
/// segment, <c>word start end posterior</c>. The dictionary has no numeric words, so a line of a word and three
/// numbers is a segment, anything else is a hypothesis.
/// </summary>
internal static class PocketSphinxOutput
{
    /// <summary>
    /// The hypotheses joined by spaces, and the confidence: the mean posterior of the recognised words (fillers
    /// such as &lt;s&gt; and [NOISE] excluded), clamped to 0..1; 0 when nothing was recognised or no segment line
    /// was printed, so 0 also means "unknown".
    /// </summary>
    public static (string Text, double Confidence) Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var words = new List<string>();
        var posteriorSum = 0.0;
        var segments = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (IsSegment(tokens, out var posterior))
            {
                if (!IsFiller(tokens[0]))
                {
                    posteriorSum += Math.Clamp(posterior, 0, 1);
                    segments++;
                }

                continue;
            }

            words.AddRange(tokens);
        }

        var text = string.Join(' ', words);
        var confidence = text.Length == 0 || segments == 0 ? 0 : Math.Round(posteriorSum / segments, 3);
        return (text, confidence);
    }

    private static bool IsSegment(string[] tokens, out double posterior)
    {
        posterior = 0;
        return tokens.Length == 4
            && double.TryParse(tokens[1], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && double.TryParse(tokens[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            && double.TryParse(tokens[3], NumberStyles.Float, CultureInfo.InvariantCulture, out posterior);
    }

    private static bool IsFiller(string word) => word.StartsWith('<') || word.StartsWith('[') || word.StartsWith("++", StringComparison.Ordinal);
}
