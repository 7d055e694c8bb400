namespace VoiceMemory.Maintenance;

/// <summary>
/// One file of a backup as listed in its manifest: <see cref="Sha256"/> (lowercase hex) and <see cref="Bytes"/> are of
/// the bytes as stored (after compression and encryption); <see cref="Count"/> is the number of records of a record
/// file, and 1 for an audio item.
/// </summary>
public sealed record BackupFileEntry(string Name, string Sha256, long Bytes, long Count);
