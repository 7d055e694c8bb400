namespace VoiceMemory.Maintenance;

/// <summary>A finished backup: its id, the files written (as in the manifest) and how long it took.</summary>
public sealed record BackupResult(string BackupId, IReadOnlyList<BackupFileEntry> Files, TimeSpan Elapsed);
