using System.Diagnostics;
using System.Globalization;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Reporting;

namespace VoiceMemory.Benchmarks.Ingest;

/// <summary>
/// Ingest: 16 clients (16 users) upload 10 MiB WAV recordings at once to the real server process over loopback; the
/// accepted bytes per second are divided by the fsync'd write speed of the same folder's disk, measured by
/// <see cref="RawWriteProbe"/> with the same concurrency and file sizes in the same run (alternating which goes first).
/// The server runs with <c>Runner:Workers = 0</c> (accept only): otherwise it would transcribe each minute-long upload
/// while the next ones arrive, and the figure would measure pocketsphinx, not ingest.
/// Footprint: the server's VmRSS when idle before the uploads, and its peak (VmHWM, and the highest sampled VmRSS) during them.
/// </summary>
public static class IngestBenchmark
{
    public const double Target = 0.5;

    public static async Task RunAsync(BenchReport report, BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var wav = LargeWav.Create(settings.IngestFileBytes);
        var dataRoot = settings.NewDataRoot("vm-bench-ingest-");
        try
        {
            var users = await BenchUsers.CreateAsync(dataRoot.FullName, settings.IngestClients, cancellationToken);
            await using var server = await ServerProcess.StartAsync(BenchServerSettings.For(dataRoot.FullName, workers: 0), cancellationToken);
            var clients = users.Select(u => u.CreateClient(server.Url)).ToArray();
            try
            {
                // Idle: started, health probed, nothing asked of it for a few seconds.
                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
                var idle = ProcessMemory.ResidentBytes(server.ProcessId);

                double uploadedBytes = 0, uploadSeconds = 0, rawBytes = 0, rawSeconds = 0;
                var roundRatios = new List<double>();
                ProcessCpu serverCpu = ProcessCpu.Zero, clientCpu = ProcessCpu.Zero, rawCpu = ProcessCpu.Zero;
                long sampledPeak;
                await using (var sampler = new MemorySampler(server.ProcessId, TimeSpan.FromMilliseconds(20)))
                {
                    for (var round = 0; round < settings.IngestRounds; round++)
                    {
                        double raw = 0, upload = 0;
                        var rawFirst = round % 2 == 0;
                        for (var step = 0; step < 2; step++)
                        {
                            await DiskSettle.SyncAsync(cancellationToken);
                            if ((step == 0) == rawFirst)
                            {
                                var folder = Path.Combine(dataRoot.FullName, $"raw-probe-{round}");
                                var before = ProcessCpu.Of(Environment.ProcessId);
                                raw = await RawWriteProbe.MeasureAsync(folder, wav, settings.IngestClients, settings.IngestUploadsPerClient, cancellationToken);
                                rawCpu += ProcessCpu.Of(Environment.ProcessId) - before;
                            }
                            else
                            {
                                var (serverBefore, clientBefore) = (ProcessCpu.Of(server.ProcessId), ProcessCpu.Of(Environment.ProcessId));
                                upload = await UploadAsync(clients, wav, settings.IngestUploadsPerClient, cancellationToken);
                                serverCpu += ProcessCpu.Of(server.ProcessId) - serverBefore;
                                clientCpu += ProcessCpu.Of(Environment.ProcessId) - clientBefore;
                            }
                        }

                        var bytes = (double)wav.Length * settings.IngestClients * settings.IngestUploadsPerClient;
                        uploadedBytes += bytes;
                        uploadSeconds += bytes / upload;
                        rawBytes += bytes;
                        rawSeconds += bytes / raw;
                        roundRatios.Add(upload / raw);
                        Progress.Report(Invariant($"ingest: round {round + 1}: uploads {Mib(upload)} MiB/s, raw fsync'd writes {Mib(raw)} MiB/s, ratio {upload / raw:0.00}"));
                    }

                    sampledPeak = sampler.HighestResidentBytes;
                }

                var peak = ProcessMemory.PeakResidentBytes(server.ProcessId);
                var uploadRate = uploadedBytes / uploadSeconds;
                var rawRate = rawBytes / rawSeconds;
                var ratio = uploadRate / rawRate;
                report.Add(new Figure("ingest: accepted upload MiB/s ÷ raw fsync'd MiB/s", Invariant($"{ratio:0.00}"), Invariant($"≥ {Target:0.0}"), ratio >= Target));
                report.Add("ingest: uploads / raw writes (MiB/s)", Invariant($"{Mib(uploadRate)} / {Mib(rawRate)}"));
                report.Detail(Invariant($"ingest: CPU while uploading: server {serverCpu.Total.TotalSeconds / uploadSeconds:0.00} cores busy, {serverCpu.Total.TotalMilliseconds / (uploadedBytes / 1024 / 1024):0.0} ms per MiB ") + Invariant($"(user {serverCpu.User.TotalMilliseconds / (uploadedBytes / 1024 / 1024):0.0}, kernel {serverCpu.System.TotalMilliseconds / (uploadedBytes / 1024 / 1024):0.0}); ") + Invariant($"clients {clientCpu.Total.TotalSeconds / uploadSeconds:0.00} cores busy, of {Environment.ProcessorCount}"));
                report.Add("footprint: server RSS idle", ProcessMemory.Format(idle));
                report.Add("footprint: server RSS peak during ingest", ProcessMemory.Format(Math.Max(peak, sampledPeak)));
                report.Detail(Invariant($"ingest: CPU of the raw writers: {rawCpu.Total.TotalMilliseconds / (rawBytes / 1024 / 1024):0.0} ms per MiB (user {rawCpu.User.TotalMilliseconds / (rawBytes / 1024 / 1024):0.0}, kernel {rawCpu.System.TotalMilliseconds / (rawBytes / 1024 / 1024):0.0})"));
                report.Detail(Invariant($"ingest: {settings.IngestRounds} round(s) of {settings.IngestClients} concurrent clients × {settings.IngestUploadsPerClient} uploads of {wav.Length / 1024.0 / 1024.0:0.0} MiB ") + Invariant($"({LargeWav.DurationOf(wav.Length).TotalSeconds:0} s of 44.1 kHz stereo WAV) to a server process with Runner:Workers=0"));
                report.Detail(Invariant($"ingest: raw probe = same concurrency, file count and size, fsync per file, same folder; sync before each phase; per-round ratios {string.Join(", ", roundRatios.Select(r => Invariant($"{r:0.00}")))}"));
                report.Detail(Invariant($"footprint: peak = max(VmHWM {ProcessMemory.Format(peak)}, highest VmRSS sampled every 20 ms {ProcessMemory.Format(sampledPeak)})"));
            }
            finally
            {
                foreach (var client in clients)
                {
                    client.Dispose();
                }
            }
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    /// <summary>Every client uploads its recordings one after the other, all clients at once; returns accepted bytes per second.</summary>
    private static async Task<double> UploadAsync(HttpClient[] clients, byte[] wav, int uploadsPerClient, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
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

    private static string Mib(double bytesPerSecond) => (bytesPerSecond / 1024 / 1024).ToString("0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
