using System.IO.Compression;
using System.Text.Json;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Pulls records from an async sequence and yields them as gzip-compressed NDJSON (one JSON object per line), a few
/// records at a time: nothing beyond one compressed block is held in memory. <see cref="Count"/> is final once the
/// stream has ended.
/// </summary>
internal sealed class NdjsonGzipReadStream<T> : ReadOnlyStream
{
    private const int TargetBlockBytes = 64 * 1024;

    private readonly IAsyncEnumerator<T> records;
    private readonly MemoryStream sink = new();
    private readonly GZipStream gzip;
    private int served;
    private bool completed;

    public NdjsonGzipReadStream(IAsyncEnumerable<T> source, CancellationToken cancellationToken)
    {
        records = source.GetAsyncEnumerator(cancellationToken);
        gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true);
    }

    /// <summary>Records written so far.</summary>
    public long Count { get; private set; }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (sink.Length == served)
        {
            if (completed)
            {
                return 0;
            }

            sink.SetLength(0);
            served = 0;
            await CompressMoreAsync(cancellationToken);
        }

        var count = (int)Math.Min(buffer.Length, sink.Length - served);
        sink.GetBuffer().AsSpan(served, count).CopyTo(buffer.Span);
        served += count;
        return count;
    }

    private async ValueTask CompressMoreAsync(CancellationToken cancellationToken)
    {
        while (sink.Length < TargetBlockBytes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Synchronous reads block here only if the record source itself is asynchronous.
            if (!await records.MoveNextAsync())
            {
                // Disposing the compressor writes the gzip trailer into the sink.
                gzip.Dispose();
                completed = true;
                return;
            }

            var line = JsonSerializer.SerializeToUtf8Bytes(records.Current, BackupJson.Records);
            gzip.Write(line);
            gzip.WriteByte((byte)'\n');
            Count++;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gzip.Dispose();
            sink.Dispose();
            records.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}
