using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Backup settings (<c>VoiceMemory:Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "VoiceMemory:Backup";

    public bool Enabled { get; set; } = true;

    /// <summary>How often a backup is taken.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Base64 of a 32-byte key; when set, every backup file is AES-256-GCM encrypted.</summary>
    public string? EncryptionKey { get; set; }

    [Range(1, 3650)]
    public int KeepDays { get; set; } = 30;

    /// <summary>Also copy audio into backups.</summary>
    public bool IncludeAudio { get; set; }

    /// <summary>Self-host: where backups go; default {DataRoot}/backups.</summary>
    public string? Folder { get; set; }
}
