using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Request limits (<c>VoiceMemory:Limits</c>).</summary>
public sealed class LimitsOptions
{
    public const string Section = "VoiceMemory:Limits";

    /// <summary>Largest accepted upload. Default 25 MiB.</summary>
    [Range(1024, 1L << 32)]
    public long MaxAudioBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Longest accepted recording. Default 300 s.</summary>
    [Range(1, 3600)]
    public int MaxAudioSeconds { get; set; } = 300;

    /// <summary>Requests per minute per user. Default 60.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Longest typed turn, in characters. Default 4000.</summary>
    [Range(1, 20_000)]
    public int MaxTypedChars { get; set; } = 4000;
}
