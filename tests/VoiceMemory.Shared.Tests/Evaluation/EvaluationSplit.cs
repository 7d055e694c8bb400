using System.Text;

namespace VoiceMemory.Tests.Evaluation;

/// <summary>
/// The deterministic tune / held-out split of an evaluation set: a case's part follows from its own text (FNV-1a),
/// so adding or reordering cases never moves another case between parts.
/// </summary>
public static class EvaluationSplit
{
    /// <summary>Two cases in five are held out.</summary>
    public static bool IsHeldOut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text.Trim()))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash % 5 < 2;
    }
}
