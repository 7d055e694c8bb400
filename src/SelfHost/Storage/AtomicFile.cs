namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Whole-file writes that a reader sees completely or not at all: write a temp file in the same folder (so the
/// rename stays on one file system), flush it to the device, then rename it over the target.
/// </summary>
internal static class AtomicFile
{
    private const string TempSuffix = ".tmp";
    private const int GuidLength = 32;

    /// <summary>Temp files start with a dot, which no stored name may, so listings can skip them.</summary>
    public static bool IsTempName(string fileName) => fileName.StartsWith('.');

    /// <summary>The file a temp file was being written for (".t1.wav.{guid}.tmp" → "t1.wav"), or null when the name is not one of ours.</summary>
    public static string? TargetOf(string tempName)
    {
        ArgumentNullException.ThrowIfNull(tempName);
        var suffix = 1 + GuidLength + TempSuffix.Length;
        return IsTempName(tempName) && tempName.EndsWith(TempSuffix, StringComparison.Ordinal) && tempName.Length > 1 + suffix
            ? tempName[1..^suffix]
            : null;
    }

    /// <summary>Writes <paramref name="target"/> from <paramref name="write"/>; returns the bytes written.</summary>
    /// <exception cref="VoiceMemoryException">The disk is full or the folder read-only (the temp file is removed).</exception>
    public static async Task<long> WriteAsync(string target, Func<Stream, CancellationToken, Task> write, string what, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long bytes;
            var stream = OpenTemp(folder, temp);
            await using (stream)
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                // Flush(true) is fsync: the bytes are on the device before the rename makes them visible.
                stream.Flush(flushToDisk: true);
                bytes = stream.Length;
            }

            File.Move(temp, target, overwrite: true);
            return bytes;
        }
        catch (Exception ex)
        {
            TryDelete(temp);
            if (StorageFailures.Translate(ex, what) is { } typed)
            {
                throw typed;
            }

            throw;
        }
    }

    /// <summary>
    /// Puts an upload that already sits in a temp file under the data root at <paramref name="target"/> without
    /// copying it: fsync, then rename (the same guarantee as <see cref="WriteAsync"/>). The target is synced once more
    /// after the move, which costs nothing when the rename stayed on one file system and makes the bytes durable when
    /// the temp folder was on another one (then the move copies).
    /// </summary>
    /// <exception cref="VoiceMemoryException">The disk is full or the folder read-only.</exception>
    public static long Adopt(string target, SpilledUpload upload, string what)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var bytes = upload.Length;
            upload.MoveTo(target);
            using (var moved = new FileStream(target, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete))
            {
                moved.Flush(flushToDisk: true);
            }

            return bytes;
        }
        catch (Exception ex) when (StorageFailures.Translate(ex, what) is { } typed)
        {
            throw typed;
        }
    }

    private static FileStream OpenTemp(string folder, string temp)
    {
        // A concurrent erase may remove the (empty) folder between creating it and opening the file: create it again once.
        for (var attempt = 0; ; attempt++)
        {
            Directory.CreateDirectory(folder);
            try
            {
                return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
            }
            catch (DirectoryNotFoundException) when (attempt == 0)
            {
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The temp file could not be removed (e.g. the folder went read-only); the original failure matters more.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
