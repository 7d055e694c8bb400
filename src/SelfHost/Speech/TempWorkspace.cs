using Microsoft.Extensions.Logging;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// A private folder for one engine run (input audio, intermediate WAV, output). Disposing removes it with
/// everything in it, whether the run succeeded or failed; anything left behind by a crash is removed later by
/// <see cref="TempWorkspaceFactory"/>'s sweep.
/// </summary>
public sealed partial class TempWorkspace : IDisposable
{
    private readonly ILogger logger;
    private bool disposed;

    internal TempWorkspace(string fullPath, ILogger logger)
    {
        this.logger = logger;
        FullPath = fullPath;
        Directory.CreateDirectory(fullPath);
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>The path of a file in the folder. <paramref name="fileName"/> must be a plain file name.</summary>
    public string PathOf(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!string.Equals(Path.GetFileName(fileName), fileName, StringComparison.Ordinal) || fileName is "." or "..")
        {
            throw new ArgumentException("A workspace file name has no directory part.", nameof(fileName));
        }

        return Path.Combine(FullPath, fileName);
    }

    /// <summary>
    /// After an engine run failed in a way that looks permanent (no audio written, a decoder error), tells whether the
    /// real cause is this folder: it cannot be written (a full or read-only volume). Returns the typed, transient
    /// storage failure to throw instead — so the turn waits for space rather than failing as synthesis_failed or
    /// malformed_audio — or null when the folder takes a write of <see cref="ProbeBytes"/> bytes.
    /// </summary>
    public VoiceMemoryException? StorageFailure()
    {
        var probe = Path.Combine(FullPath, ".write-probe");
        try
        {
            File.WriteAllBytes(probe, new byte[ProbeBytes]);
            File.Delete(probe);
            return null;
        }
        catch (Exception exception) when (StorageFailures.Translate(exception, "the speech engines' temporary files") is { } storage)
        {
            return storage;
        }
    }

    /// <summary>The size of <see cref="StorageFailure"/>'s probe: about what an engine writes in one go.</summary>
    internal const int ProbeBytes = 64 * 1024;

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            Directory.Delete(FullPath, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: nothing to clean.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Disposal must not mask the run's own outcome; the factory's sweep retries later.
            LogRemoveFailed(logger, exception, Path.GetFileName(FullPath));
        }
    }

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning, Message = "Temporary workspace {Workspace} could not be removed; it will be swept later")]
    private static partial void LogRemoveFailed(ILogger logger, Exception exception, string workspace);
}
