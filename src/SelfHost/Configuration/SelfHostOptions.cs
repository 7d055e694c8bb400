using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.SelfHost.Configuration;

/// <summary>Self-host settings (<c>VoiceMemory</c> section: <c>DataRoot</c>, and <c>VoiceMemory:Runner</c>).</summary>
public sealed class SelfHostOptions
{
    public const string Section = "VoiceMemory";

    /// <summary>Where the database, audio, journal and backups live. Default: ./.data under the working directory.</summary>
    [Required]
    public string DataRoot { get; set; } = ".data";

    /// <summary>The database file under <see cref="DataRoot"/>.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataRoot), "voicememory.db");

    /// <summary>Audio files under <see cref="DataRoot"/>.</summary>
    public string AudioRoot => Path.Combine(Path.GetFullPath(DataRoot), "audio");

    /// <summary>Journal files under <see cref="DataRoot"/>.</summary>
    public string JournalRoot => Path.Combine(Path.GetFullPath(DataRoot), "journal");

    /// <summary>Scratch space for uploads and engine runs under <see cref="DataRoot"/>.</summary>
    public string TempRoot => Path.Combine(Path.GetFullPath(DataRoot), "tmp");
}
