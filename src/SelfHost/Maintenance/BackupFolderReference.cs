namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>A backup addressed by its folder path: the storage of the folder's parent and the folder's name as id.</summary>
public sealed record BackupFolderReference(FolderBackupStorage Storage, string BackupId);
