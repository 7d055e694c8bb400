using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Retention settings (<c>VoiceMemory:Retention</c>); backups are kept <see cref="BackupOptions.KeepDays"/>.</summary>
public sealed class RetentionOptions
{
    public const string Section = "VoiceMemory:Retention";

    public bool Enabled { get; set; } = true;

    [Range(1, 3650)]
    public int InputAudioDays { get; set; } = 30;

    [Range(1, 3650)]
    public int ReplyAudioDays { get; set; } = 7;

    [Range(1, 36500)]
    public int TurnDays { get; set; } = 365;

    /// <summary>How often retention runs.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
