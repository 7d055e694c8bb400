using System.Diagnostics;

namespace VoiceMemory.Benchmarks.Ingest;

/// <summary>
/// The disk's own speed for the ingest workload: <c>writers</c> concurrent writers each write <c>filesPerWriter</c>
/// whole files one after the other, each flushed to the device (fsync) before it is closed — what storing an upload
/// durably costs at minimum, with no HTTP, no validation and no database.
/// </summary>
public static class RawWriteProbe
{
    private const int BufferBytes = 64 * 1024;

    /// <summary>
    /// Bytes per second written and fsync'd into <paramref name="folder"/>. The files stay until the caller removes
    /// them with the rest of the benchmark's data: on a file system mounted with <c>discard</c>, deleting them here
    /// would hand the TRIM work to whatever is measured next.
    /// </summary>
    public static async Task<double> MeasureAsync(string folder, byte[] content, int writers, int filesPerWriter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            async () =>
            {
                for (var file = 0; file < filesPerWriter; file++)
                {
                    var path = Path.Combine(folder, $"raw-{writer}-{file}.wav");
                    var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, FileOptions.Asynchronous);
                    await using (stream)
                    {
                        await stream.WriteAsync(content, cancellationToken);
                        await stream.FlushAsync(cancellationToken);
                        stream.Flush(flushToDisk: true);
                    }
                }
            },
            cancellationToken)));
        clock.Stop();
        return (double)content.Length * writers * filesPerWriter / clock.Elapsed.TotalSeconds;
    }
}
