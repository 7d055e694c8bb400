using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Health probe settings (<c>VoiceMemory:Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "VoiceMemory:Health";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A last good backup older than this degrades health.</summary>
    [Range(1, 24 * 365)]
    public int MaxBackupAgeHours { get; set; } = 26;

    /// <summary>Self-host: free disk below this is unhealthy.</summary>
    [Range(0, 1_000_000)]
    public long MinFreeDiskMegabytes { get; set; } = 200;

    [Range(1, 120)]
    public int CheckTimeoutSeconds { get; set; } = 10;
}
