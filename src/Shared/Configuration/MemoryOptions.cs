using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Recall settings (<c>VoiceMemory:Memory</c>).</summary>
public sealed class MemoryOptions
{
    public const string Section = "VoiceMemory:Memory";

    /// <summary>Relevant (non-profile) facts recalled per turn.</summary>
    [Range(0, 100)]
    public int TopK { get; set; } = 8;

    /// <summary>Profile facts recalled per turn.</summary>
    [Range(0, 100)]
    public int MaxProfileFacts { get; set; } = 12;

    /// <summary>Previous turns recalled per turn.</summary>
    [Range(0, 50)]
    public int RecentTurns { get; set; } = 6;

    /// <summary>Character budget of everything recalled (facts and turns) for one prompt.</summary>
    [Range(200, 200_000)]
    public int BudgetChars { get; set; } = 6000;

    /// <summary>Half-life of the recency boost in ranking, in days.</summary>
    [Range(0.1, 3650)]
    public double RecencyHalfLifeDays { get; set; } = 30;
}
