namespace VoiceMemory.Maintenance;

/// <summary>
/// The <c>manifest.json</c> of a backup. <see cref="KeyId"/> identifies the encryption key (a derived fingerprint,
/// never the key) so that a wrong key is told apart from tampering; it is null when the backup is not encrypted.
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    string BackupId,
    string Host,
    DateTimeOffset CreatedAt,
    bool Encrypted,
    string? KeyId,
    IReadOnlyList<BackupFileEntry> Files)
{
    /// <summary>The only format version this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;
}
