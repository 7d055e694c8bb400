using System.Diagnostics;

namespace VoiceMemory.Benchmarks.Ingest;

/// <summary>Flushes every file system (<c>sync</c>) so a timed phase does not pay for the previous phase's writeback.</summary>
public static class DiskSettle
{
    public static async Task SyncAsync(CancellationToken cancellationToken)
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not run sync");
        await sync.WaitForExitAsync(cancellationToken);
    }
}
