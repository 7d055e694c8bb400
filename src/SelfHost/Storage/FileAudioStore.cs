using System.Runtime.CompilerServices;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Audio as plain files at <c>{audioRoot}/{key}</c>. Writes are atomic (temp file, fsync, rename), so a reader never
/// sees half a recording. The content type is not stored: the <see cref="AudioRef"/> returned by
/// <see cref="SaveAsync"/> carries it into the turn record, and <see cref="ContentTypeOf"/> recovers it from the key's
/// extension (keys are made by <see cref="AudioKeys"/> with the format's extension), so a sidecar file would only be a
/// second thing to keep in step.
/// </summary>
public sealed class FileAudioStore(string audioRoot) : IAudioStore
{
    private readonly string root = Path.GetFullPath(audioRoot);

    /// <summary>The media type for a key's extension (".mp3" → audio/mpeg); application/octet-stream when unknown.</summary>
    public static string ContentTypeOf(string key) =>
        Path.GetExtension(key).ToUpperInvariant() switch
        {
            ".MP3" => "audio/mpeg",
            ".WAV" => "audio/wav",
            ".OGG" or ".OGA" or ".OPUS" => "audio/ogg",
            ".WEBM" => "audio/webm",
            ".M4A" or ".MP4" => "audio/mp4",
            ".FLAC" => "audio/flac",
            _ => "application/octet-stream",
        };

    /// <exception cref="ArgumentException">The key is not valid (see <see cref="AudioKeyRules"/>).</exception>
    /// <exception cref="VoiceMemoryException"><see cref="ErrorCodes.StorageFull"/> or <see cref="ErrorCodes.StorageUnavailable"/> (transient).</exception>
    public async Task<AudioRef> SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        // A large upload already sits in a temp file under the data root: take the file rather than copy its bytes.
        var bytes = content is SpilledUpload { Position: 0, Adopted: false } upload
            ? AtomicFile.Adopt(path, upload, "audio")
            : await AtomicFile.WriteAsync(path, content.CopyToAsync, "audio", cancellationToken);
        return new AudioRef(key, string.IsNullOrWhiteSpace(contentType) ? ContentTypeOf(key) : contentType, bytes);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // FileShare.Delete: retention or an erase may remove the file while a client is still downloading it.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
        catch (Exception ex) when (StorageFailures.Translate(ex, "audio") is { } typed)
        {
            throw typed;
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(path));
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Delete(path));
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        // Listed first, deleted after: removing entries while the directory is being enumerated is unspecified.
        var keys = new List<string>();
        await foreach (var item in ListAsync(prefix, cancellationToken))
        {
            keys.Add(item.Key);
        }

        var deleted = 0;
        foreach (var key in keys)
        {
            if (Delete(PathOf(key)))
            {
                deleted++;
            }
        }

        RemoveAbandonedWrites(prefix);
        RemoveEmptyFolders(FolderOf(prefix));
        return deleted;
    }

    public async IAsyncEnumerable<StoredAudio> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidatePrefix(prefix);
        var folder = FolderOf(prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", options))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (AtomicFile.IsTempName(file.Name) || !key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            file.Refresh();
            if (file.Exists)
            {
                yield return new StoredAudio(key, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }

        await Task.CompletedTask;
    }

    public Task<Uri?> GetDownloadUrlAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        AudioKeyRules.ValidateKey(key);
        // The self-host serves the bytes itself.
        return Task.FromResult<Uri?>(null);
    }

    private string PathOf(string key)
    {
        AudioKeyRules.ValidateKey(key);
        return Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
    }

    // The deepest folder that holds every key starting with the prefix: "input/u1/" → input/u1, "input/u1/t" → input/u1.
    private string FolderOf(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        return slash < 0 ? root : Path.Combine(root, prefix[..slash].Replace('/', Path.DirectorySeparatorChar));
    }

    private static bool Delete(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception ex) when (StorageFailures.Translate(ex, "audio") is { } typed)
        {
            throw typed;
        }
    }

    // A write cut short by a crash (kill -9 between the temp file and the rename) leaves its temp file, which holds the
    // recording but is never listed. An erase must not leave it behind: temp files of keys under the prefix go too.
    private void RemoveAbandonedWrites(string prefix)
    {
        var folder = FolderOf(prefix);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories))
        {
            var target = AtomicFile.TargetOf(Path.GetFileName(file));
            var key = target is null ? null : Path.GetRelativePath(root, Path.Combine(Path.GetDirectoryName(file)!, target)).Replace(Path.DirectorySeparatorChar, '/');
            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                Delete(file);
            }
        }
    }

    // Removes the folders an erase emptied, deepest first; never the root itself. A folder that a concurrent save
    // has just filled again is not empty and stays.
    private void RemoveEmptyFolders(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(folder))
        {
            if (string.Equals(Path.GetFullPath(sub), root, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                if (!Directory.EnumerateFileSystemEntries(sub).Any())
                {
                    Directory.Delete(sub);
                }
            }
            catch (IOException)
            {
                // Not empty any more (a save raced the erase) or already gone: leaving it is correct either way.
            }
        }
    }
}
