namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// An upload held in a temp file under the data root while it is validated. It deletes itself when disposed unless
/// <see cref="FileAudioStore"/> adopted it — moved the file into place instead of copying a large recording a second
/// time (see <c>AtomicFile.Adopt</c>).
/// </summary>
public sealed class SpilledUpload(string path)
    : FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read, 81920, FileOptions.Asynchronous)
{
    /// <summary>Spilled uploads are named <c>upload-{guid}.tmp</c>; the stale-temp sweep removes only these files.</summary>
    public const string FilePrefix = "upload-";

    /// <summary>See <see cref="FilePrefix"/>.</summary>
    public const string FileSuffix = ".tmp";

    private int finished;

    /// <summary>True once the file was moved into the store; it is then no longer this stream's to delete.</summary>
    public bool Adopted { get; private set; }

    /// <summary>Makes the bytes durable (fsync) and renames the file to <paramref name="target"/>, replacing it.</summary>
    internal void MoveTo(string target)
    {
        Flush(flushToDisk: true);
        File.Move(Name, target, overwrite: true);
        Adopted = true;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteUnlessAdopted();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteUnlessAdopted();
    }

    private void DeleteUnlessAdopted()
    {
        if (Adopted || Interlocked.Exchange(ref finished, 1) == 1)
        {
            return;
        }

        try
        {
            File.Delete(Name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be removed now stays in the temp folder, as one left behind by a kill -9 would.
        }
    }
}
