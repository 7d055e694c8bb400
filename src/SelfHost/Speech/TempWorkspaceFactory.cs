using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Creates <see cref="TempWorkspace"/>s under <see cref="SelfHostOptions.TempRoot"/> (the system temp folder when no
/// data root is configured). The first use, and daily retention (<see cref="StaleTempRetention"/>), also remove
/// workspaces and spilled uploads older than <see cref="StaleAfter"/>: a crash or kill -9 mid-run or mid-upload must
/// not leave users' recordings on disk for good.
/// </summary>
public sealed partial class TempWorkspaceFactory(IOptions<SelfHostOptions> options, TimeProvider timeProvider, ILogger<TempWorkspaceFactory> logger)
{
    /// <summary>Folder name prefix; the sweep touches nothing else under the root.</summary>
    public const string Prefix = "engine-";

    /// <summary>Age after which a workspace can only be a leftover (far beyond any engine timeout).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    private int swept;

    /// <summary>The folder that holds the workspaces.</summary>
    public string Root { get; } = string.IsNullOrWhiteSpace(options.Value.DataRoot)
        ? Path.Combine(Path.GetTempPath(), "voicememory")
        : options.Value.TempRoot;

    /// <summary>Creates a new, empty workspace; <see cref="ErrorCodes.StorageUnavailable"/> (transient) when the disk refuses.</summary>
    public TempWorkspace Create()
    {
        try
        {
            Directory.CreateDirectory(Root);
            if (Interlocked.Exchange(ref swept, 1) == 0)
            {
                RemoveStale();
            }

            return new TempWorkspace(Path.Combine(Root, Prefix + Guid.NewGuid().ToString("N")), logger);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new VoiceMemoryException(ErrorCodes.StorageUnavailable, "No temporary space for the speech engines.", isTransient: true, exception);
        }
    }

    /// <summary>
    /// Removes engine workspaces and spilled uploads (<see cref="SpilledUpload.FilePrefix"/>) not written to for
    /// <see cref="StaleAfter"/>; returns how many were removed. Nothing else under the root is touched.
    /// </summary>
    public int RemoveStale()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var cutoff = timeProvider.GetUtcNow().UtcDateTime - StaleAfter;
        var root = new DirectoryInfo(Root);
        var stale = root.EnumerateDirectories(Prefix + "*")
            .Concat<FileSystemInfo>(root.EnumerateFiles(SpilledUpload.FilePrefix + "*" + SpilledUpload.FileSuffix))
            .Where(entry => entry.LastWriteTimeUtc < cutoff)
            .ToList();
        var removed = 0;
        foreach (var entry in stale)
        {
            try
            {
                if (entry is DirectoryInfo directory)
                {
                    directory.Delete(recursive: true);
                }
                else
                {
                    entry.Delete();
                }

                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Left for the next sweep; a stuck entry must not stop new runs.
                LogSweepFailed(logger, exception, entry.Name);
            }
        }

        if (removed > 0)
        {
            LogSwept(logger, removed);
        }

        return removed;
    }

    [LoggerMessage(EventId = 5411, Level = LogLevel.Information, Message = "Removed {Count} stale engine workspaces and spilled uploads")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 5412, Level = LogLevel.Warning, Message = "Stale temp entry {Workspace} could not be removed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string workspace);
}
