namespace VoiceMemory.Maintenance;

/// <summary>
/// Where backups live: a folder in the self-host, a blob prefix in Azure. A backup is written file by file into a
/// pending area and becomes visible only when <see cref="CommitAsync"/> succeeds, so a crash mid-backup never leaves
/// something that looks complete. Backup ids are <see cref="BackupIds"/> timestamps (e.g. <c>20261122T031500Z</c>);
/// file names are relative, use <c>/</c> as separator and never contain <c>..</c> segments.
/// </summary>
public interface IBackupStorage
{
    /// <summary>Writes (or overwrites) one file of the pending backup <paramref name="backupId"/>, reading <paramref name="content"/> to its end.</summary>
    Task WriteFileAsync(string backupId, string name, Stream content, CancellationToken cancellationToken);

    /// <summary>Makes the pending backup visible, atomically. Fails when there is no pending backup or a complete one already has this id.</summary>
    Task CommitAsync(string backupId, CancellationToken cancellationToken);

    /// <summary>Opens one file of a complete backup for reading; null when the backup or the file does not exist.</summary>
    Task<Stream?> OpenFileAsync(string backupId, string name, CancellationToken cancellationToken);

    /// <summary>The ids of complete backups, oldest first. Pending backups are never listed here.</summary>
    IAsyncEnumerable<string> ListBackupsAsync(CancellationToken cancellationToken);

    /// <summary>The ids of pending backups (being written, or left behind by a crash), oldest first.</summary>
    IAsyncEnumerable<string> ListPendingBackupsAsync(CancellationToken cancellationToken);

    /// <summary>The names of the files of a complete backup; empty when it does not exist.</summary>
    IAsyncEnumerable<string> ListFilesAsync(string backupId, CancellationToken cancellationToken);

    /// <summary>Deletes the backup <paramref name="backupId"/>, complete or pending; nothing happens when it does not exist.</summary>
    Task DeleteBackupAsync(string backupId, CancellationToken cancellationToken);
}
