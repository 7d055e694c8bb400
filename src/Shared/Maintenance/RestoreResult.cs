namespace VoiceMemory.Maintenance;

/// <summary>A finished restore: how many records of each kind were written and how long it took.</summary>
public sealed record RestoreResult(string BackupId, int Users, int Turns, int Facts, int JournalDays, int AudioItems, TimeSpan Elapsed);
