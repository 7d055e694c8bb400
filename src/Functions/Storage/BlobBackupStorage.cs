using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Backups as blobs <c>{id}/{file name}</c> in one container. Blob storage cannot rename a prefix, so a backup becomes
/// complete when the empty marker blob <c>{id}.complete</c> is created (once: it is created only if absent); until
/// then its files are pending and invisible to <see cref="OpenFileAsync"/>, <see cref="ListBackupsAsync"/> and
/// <see cref="ListFilesAsync"/>. Deleting removes the marker first, so a half-deleted backup is pending, never complete.
/// </summary>
public sealed class BlobBackupStorage(BlobServiceClient service, string containerName) : IBackupStorage
{
    private const string What = "backups";
    private const string CompleteSuffix = ".complete";

    private readonly BlobContainerClient container = service.GetBlobContainerClient(containerName);

    public async Task WriteFileAsync(string backupId, string name, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = CheckId(backupId);
        var blobName = FileName(id, name);
        if (await IsCompleteAsync(id, cancellationToken))
        {
            throw new IOException($"Backup {id} is already complete.");
        }

        await StorageErrors.RunAsync(() => container.GetBlobClient(blobName).UploadAsync(content, overwrite: true, cancellationToken), What);
    }

    public async Task CommitAsync(string backupId, CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        if (!await HasFilesAsync(id, cancellationToken))
        {
            throw new DirectoryNotFoundException($"There is no pending backup {id}.");
        }

        try
        {
            await container.GetBlobClient(id + CompleteSuffix).UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new IOException($"Backup {id} is already complete.", ex);
        }
        catch (RequestFailedException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
    }

    public async Task<Stream?> OpenFileAsync(string backupId, string name, CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        var blobName = FileName(id, name);
        if (!await IsCompleteAsync(id, cancellationToken))
        {
            return null;
        }

        try
        {
            return (await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode == "BlobNotFound")
        {
            return null;
        }
        catch (RequestFailedException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
    }

    public async IAsyncEnumerable<string> ListBackupsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (complete, _) = await TopLevelAsync(cancellationToken);
        foreach (var id in complete.Order(StringComparer.Ordinal))
        {
            yield return id;
        }
    }

    public async IAsyncEnumerable<string> ListPendingBackupsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (complete, withFiles) = await TopLevelAsync(cancellationToken);
        foreach (var id in withFiles.Except(complete, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            yield return id;
        }
    }

    public async IAsyncEnumerable<string> ListFilesAsync(string backupId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        if (!await IsCompleteAsync(id, cancellationToken))
        {
            yield break;
        }

        var names = new List<string>();
        await foreach (var name in FilesAsync(id, cancellationToken))
        {
            names.Add(name);
        }

        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            yield return name[(id.Length + 1)..];
        }
    }

    public async Task DeleteBackupAsync(string backupId, CancellationToken cancellationToken)
    {
        var id = CheckId(backupId);
        await StorageErrors.RunAsync(() => container.DeleteBlobIfExistsAsync(id + CompleteSuffix, cancellationToken: cancellationToken), What);
        var names = new List<string>();
        await foreach (var name in FilesAsync(id, cancellationToken))
        {
            names.Add(name);
        }

        foreach (var name in names)
        {
            await StorageErrors.RunAsync(() => container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken), What);
        }
    }

    private static string CheckId(string backupId) =>
        BackupIds.IsValid(backupId) && !backupId.EndsWith(CompleteSuffix, StringComparison.Ordinal)
            ? backupId
            : throw new ArgumentException("Not a valid backup id.", nameof(backupId));

    private static string FileName(string id, string name) =>
        BackupFileNames.IsSafeName(name) ? id + "/" + name : throw new ArgumentException("Not a valid backup file name.", nameof(name));

    private Task<bool> IsCompleteAsync(string id, CancellationToken cancellationToken) =>
        StorageErrors.RunAsync(async () => (await container.GetBlobClient(id + CompleteSuffix).ExistsAsync(cancellationToken)).Value, What);

    private async Task<bool> HasFilesAsync(string id, CancellationToken cancellationToken)
    {
        await foreach (var _ in FilesAsync(id, cancellationToken))
        {
            return true;
        }

        return false;
    }

    private async IAsyncEnumerable<string> FilesAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = container.GetBlobsAsync(new GetBlobsOptions { Prefix = id + "/" }, cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            foreach (var blob in pager.Current.Values)
            {
                yield return blob.Name;
            }
        }
    }

    // One listing of the top level: complete markers and backup prefixes.
    private async Task<(HashSet<string> Complete, HashSet<string> WithFiles)> TopLevelAsync(CancellationToken cancellationToken)
    {
        var complete = new HashSet<string>(StringComparer.Ordinal);
        var withFiles = new HashSet<string>(StringComparer.Ordinal);
        var pages = container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Delimiter = "/" }, cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            foreach (var item in pager.Current.Values)
            {
                if (item.IsBlob && item.Blob.Name.EndsWith(CompleteSuffix, StringComparison.Ordinal) && BackupIds.IsValid(item.Blob.Name[..^CompleteSuffix.Length]))
                {
                    complete.Add(item.Blob.Name[..^CompleteSuffix.Length]);
                }
                else if (item.IsPrefix && BackupIds.IsValid(item.Prefix.TrimEnd('/')))
                {
                    withFiles.Add(item.Prefix.TrimEnd('/'));
                }
            }
        }

        return (complete, withFiles);
    }
}
