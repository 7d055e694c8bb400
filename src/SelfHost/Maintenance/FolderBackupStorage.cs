using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Configuration;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// Backups as folders under <see cref="Root"/>: <c>{id}.partial/</c> while being written, renamed to <c>{id}/</c> on
/// commit (an atomic rename on one file system), so a crash never leaves a folder that looks complete. Every file is
/// flushed to disk before the rename. A deleted backup is first renamed to <c>{id}.deleting/</c> so a half-deleted
/// folder is never taken for a complete one. Ids and file names are validated against path traversal.
/// </summary>
public sealed class FolderBackupStorage(string root) : IBackupStorage
{
    private const string PendingSuffix = ".partial";
    private const string DeletingSuffix = ".deleting";

    /// <summary>The folder that holds the backup folders.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The backup folder of the self-host: <see cref="BackupOptions.Folder"/>, else <c>{DataRoot}/backups</c>.</summary>
    public static string ResolveRoot(SelfHostOptions selfHost, BackupOptions backup)
    {
        ArgumentNullException.ThrowIfNull(selfHost);
        ArgumentNullException.ThrowIfNull(backup);
        return string.IsNullOrWhiteSpace(backup.Folder)
            ? Path.Combine(Path.GetFullPath(selfHost.DataRoot), "backups")
            : Path.GetFullPath(backup.Folder);
    }

    /// <summary>
    /// Addresses the backup in the folder <paramref name="backupFolderPath"/> (e.g. <c>restore /mnt/usb/20261122T031500Z</c>):
    /// the folder's name is the id, its parent the storage root. The folder may have been renamed or copied anywhere.
    /// </summary>
    /// <exception cref="ArgumentException">The path does not name a usable backup folder (or names an unfinished one).</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static BackupFolderReference OpenBackupFolder(string backupFolderPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backupFolderPath);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(backupFolderPath));
        var id = Path.GetFileName(full);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || !IsUsableId(id))
        {
            throw new ArgumentException("The path does not name a complete backup folder.", nameof(backupFolderPath));
        }

        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException("The backup folder does not exist.");
        }

        return new BackupFolderReference(new FolderBackupStorage(parent), id);
    }

    public async Task WriteFileAsync(string backupId, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = CheckId(backupId);
        if (Directory.Exists(CompleteFolder(id)))
        {
            throw new IOException($"Backup {id} is already complete.");
        }

        var path = FilePath(PendingFolder(id), name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 81920,
        });
        await using (file)
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
    }

    public Task CommitAsync(string backupId, CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        var pending = PendingFolder(id);
        var complete = CompleteFolder(id);
        if (!Directory.Exists(pending))
        {
            throw new DirectoryNotFoundException($"There is no pending backup {id}.");
        }

        if (Directory.Exists(complete))
        {
            throw new IOException($"Backup {id} is already complete.");
        }

        Directory.Move(pending, complete);
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenFileAsync(string backupId, string name, CancellationToken cancellationToken)
    {
        var path = FilePath(CompleteFolder(CheckId(backupId)), name);
        if (!File.Exists(path))
        {
            return Task.FromResult<Stream?>(null);
        }

        return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan));
    }

    public IAsyncEnumerable<string> ListBackupsAsync(CancellationToken cancellationToken) =>
        FolderNames()
            .Where(n => BackupIds.TryParse(n, out _))
            .Order(StringComparer.Ordinal)
            .ToList()
            .ToAsyncEnumerable();

    public IAsyncEnumerable<string> ListPendingBackupsAsync(CancellationToken cancellationToken) =>
        FolderNames()
            .Select(n => n.EndsWith(PendingSuffix, StringComparison.Ordinal) ? n[..^PendingSuffix.Length]
                : n.EndsWith(DeletingSuffix, StringComparison.Ordinal) ? n[..^DeletingSuffix.Length]
                : null)
            .OfType<string>()
            .Where(n => BackupIds.TryParse(n, out _))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList()
            .ToAsyncEnumerable();

    public IAsyncEnumerable<string> ListFilesAsync(string backupId, CancellationToken cancellationToken)
    {
        var folder = CompleteFolder(CheckId(backupId));
        if (!Directory.Exists(folder))
        {
            return AsyncEnumerable.Empty<string>();
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList()
            .ToAsyncEnumerable();
    }

    public Task DeleteBackupAsync(string backupId, CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        var deleting = Path.Combine(Root, id + DeletingSuffix);
        DeleteFolder(deleting);
        if (Directory.Exists(CompleteFolder(id)))
        {
            Directory.Move(CompleteFolder(id), deleting);
            DeleteFolder(deleting);
        }

        DeleteFolder(PendingFolder(id));
        return Task.CompletedTask;
    }

    private static bool IsUsableId(string id) =>
        BackupIds.IsValid(id) && !id.EndsWith(PendingSuffix, StringComparison.Ordinal) && !id.EndsWith(DeletingSuffix, StringComparison.Ordinal);

    private static string CheckId(string backupId) =>
        IsUsableId(backupId) ? backupId : throw new ArgumentException("Not a valid backup id.", nameof(backupId));

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string CompleteFolder(string id) => Path.Combine(Root, id);

    private string PendingFolder(string id) => Path.Combine(Root, id + PendingSuffix);

    private static string FilePath(string folder, string name)
    {
        if (!BackupFileNames.IsSafeName(name))
        {
            throw new ArgumentException("Not a valid backup file name.", nameof(name));
        }

        var path = Path.GetFullPath(Path.Combine(folder, name.Replace('/', Path.DirectorySeparatorChar)));
        // Belt and braces: whatever the name, the file stays inside its backup folder.
        if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a valid backup file name.", nameof(name));
        }

        return path;
    }

    private IEnumerable<string> FolderNames() =>
        Directory.Exists(Root) ? Directory.EnumerateDirectories(Root).Select(d => Path.GetFileName(d)) : [];
}
