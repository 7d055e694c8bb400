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
    private const int MaxRetries = 2;
    private const double BusyMachineCores = 0.25;

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

                var rounds = new List<IngestRound>();
                var attempts = 0;
                var retried = 0;
                long sampledPeak;
                await using (var sampler = new MemorySampler(server.ProcessId, TimeSpan.FromMilliseconds(20)))
                {
                    for (var round = 0; round < settings.IngestRounds; round++)
                    {
                        IngestRound Run(IngestRound? best, IngestRound next) => best is null || next.ForeignCores < best.ForeignCores ? next : best;
                        IngestRound? chosen = null;
                        for (var attempt = 0; attempt <= MaxRetries && (chosen is null || chosen.ForeignCores > BusyMachineCores); attempt++)
                        {
                            var folder = Path.Combine(dataRoot.FullName, $"raw-probe-{attempts++}");
                            var next = await IngestRound.RunAsync(server.ProcessId, clients, wav, settings.IngestUploadsPerClient, folder, rawFirst: round % 2 == 0, cancellationToken);
                            chosen = Run(chosen, next);
                            if (next.ForeignCores > BusyMachineCores && attempt < MaxRetries)
                            {
                                // Someone else's build took CPU from the round: uploads are CPU-bound, raw writes are not.
                                Progress.Report(Invariant($"ingest: other processes used {next.ForeignCores:0.00} cores during round {round + 1}; running it again ({attempt + 1}/{MaxRetries})"));
                                retried++;
                            }
                        }

                        rounds.Add(chosen!);
                        Progress.Report(Invariant($"ingest: round {round + 1}: uploads {Mib(chosen!.UploadBytesPerSecond)} MiB/s, raw fsync'd writes {Mib(chosen.RawBytesPerSecond)} MiB/s, ratio {chosen.Ratio:0.00}; other processes used {chosen.ForeignCores:0.00} cores"));
                    }

                    sampledPeak = sampler.HighestResidentBytes;
                }

                var bytes = (double)wav.Length * settings.IngestClients * settings.IngestUploadsPerClient;
                var uploadedBytes = bytes * rounds.Count;
                var uploadSeconds = rounds.Sum(r => bytes / r.UploadBytesPerSecond);
                var rawBytes = bytes * rounds.Count;
                var rawSeconds = rounds.Sum(r => bytes / r.RawBytesPerSecond);
                var serverCpu = rounds.Aggregate(ProcessCpu.Zero, (sum, r) => sum + r.ServerCpu);
                var clientCpu = rounds.Aggregate(ProcessCpu.Zero, (sum, r) => sum + r.ClientCpu);
                var rawCpu = rounds.Aggregate(ProcessCpu.Zero, (sum, r) => sum + r.RawCpu);
                var roundRatios = rounds.Select(r => r.Ratio).ToList();
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
                report.Detail(Invariant($"ingest: other processes used {string.Join(", ", rounds.Select(r => Invariant($"{r.ForeignCores:0.00}")))} cores per round; rounds re-run because others used > {BusyMachineCores:0.00} cores: {retried}"));
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

    private static string Mib(double bytesPerSecond) => (bytesPerSecond / 1024 / 1024).ToString("0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
