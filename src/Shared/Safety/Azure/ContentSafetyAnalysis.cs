namespace VoiceMemory.Safety.Azure;

/// <summary>Severity (0..7) per Azure Content Safety category (Hate, SelfHarm, Sexual, Violence) of one text.</summary>
public sealed record ContentSafetyAnalysis(IReadOnlyDictionary<string, int> Severities)
{
    /// <summary>The severity of a category; 0 when the service did not report it.</summary>
    public int SeverityOf(string category) => Severities.TryGetValue(category, out var severity) ? severity : 0;
}
