using VoiceMemory.Benchmarks.Hosting;

namespace VoiceMemory.Benchmarks.Ingest;

/// <summary>
/// One ingest round: the raw fsync'd writes and the uploads, one after the other (which goes first alternates), each
/// after a <c>sync</c>; with the CPU each side used and the cores other processes took meanwhile.
/// </summary>
public sealed record IngestRound(double RawBytesPerSecond, double UploadBytesPerSecond, ProcessCpu ServerCpu, ProcessCpu ClientCpu, ProcessCpu RawCpu, double ForeignCores)
{
    public double Ratio => UploadBytesPerSecond / RawBytesPerSecond;

    public static async Task<IngestRound> RunAsync(
        int serverPid, HttpClient[] clients, byte[] wav, int filesPerClient, string rawFolder, bool rawFirst, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        double raw = 0, upload = 0;
        ProcessCpu serverCpu = ProcessCpu.Zero, clientCpu = ProcessCpu.Zero, rawCpu = ProcessCpu.Zero;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (machineBefore, oursBefore) = (SystemCpu.Busy(), OurCpu(serverPid));
        for (var step = 0; step < 2; step++)
        {
            await DiskSettle.SyncAsync(cancellationToken);
            if ((step == 0) == rawFirst)
            {
                var before = ProcessCpu.Of(Environment.ProcessId);
                raw = await RawWriteProbe.MeasureAsync(rawFolder, wav, clients.Length, filesPerClient, cancellationToken);
                rawCpu = ProcessCpu.Of(Environment.ProcessId) - before;
            }
            else
            {
                var (serverBefore, clientBefore) = (ProcessCpu.Of(serverPid), ProcessCpu.Of(Environment.ProcessId));
                upload = await UploadAsync(clients, wav, filesPerClient, cancellationToken);
                serverCpu = ProcessCpu.Of(serverPid) - serverBefore;
                clientCpu = ProcessCpu.Of(Environment.ProcessId) - clientBefore;
            }
        }

        var foreign = SystemCpu.Busy() - machineBefore - (OurCpu(serverPid) - oursBefore);
        return new IngestRound(raw, upload, serverCpu, clientCpu, rawCpu, Math.Max(0, foreign.TotalSeconds / clock.Elapsed.TotalSeconds));
    }

    /// <summary>Every client uploads its recordings one after the other, all clients at once; returns accepted bytes per second.</summary>
    private static async Task<double> UploadAsync(HttpClient[] clients, byte[] wav, int uploadsPerClient, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(client => Task.Run(
            async () =>
            {
                for (var i = 0; i < uploadsPerClient; i++)
                {
                    await client.SubmitWavAsync(wav, cancellationToken);
                }
            },
            cancellationToken)));
        clock.Stop();
        return (double)wav.Length * clients.Length * uploadsPerClient / clock.Elapsed.TotalSeconds;
    }

    // This process (clients, raw writers, and the sync it waited for) and the server.
    private static TimeSpan OurCpu(int serverPid) =>
        ProcessCpu.WithChildrenOf(Environment.ProcessId).Total + ProcessCpu.Of(serverPid).Total;
}
