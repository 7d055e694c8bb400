namespace VoiceMemory.Memory;

/// <summary>Cosine similarity for embedding vectors.</summary>
internal static class VectorMath
{
    /// <summary>Cosine of the angle between two vectors; null when they cannot be compared (length mismatch, zero or non-finite).</summary>
    public static double? Cosine(float[]? a, float[]? b)
    {
        if (a is null || b is null || a.Length == 0 || a.Length != b.Length)
        {
            return null;
        }

        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }

        if (normA <= 0 || normB <= 0)
        {
            return null;
        }

        var cosine = dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
        return double.IsFinite(cosine) ? cosine : null;
    }
}
