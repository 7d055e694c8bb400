namespace VoiceMemory.Maintenance;

/// <summary>The <c>host</c> values written into a backup manifest. Either host restores backups of the other.</summary>
public static class BackupHosts
{
    /// <summary>The self-host (SQLite and files).</summary>
    public const string SelfHost = "selfhost";

    /// <summary>The Azure Functions host (Blob and Table storage).</summary>
    public const string Azure = "azure";
}
