using System.Diagnostics;
using System.Globalization;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Reporting;

namespace VoiceMemory.Benchmarks.Pipeline;

/// <summary>
/// The first turn after start: a fresh server process (the real executable, with its JIT settings) gets one spoken turn
/// as soon as /api/health answers, then the same recording again, one at a time, a few times. The figure is the cold
/// turn's wall time (timingsMs.total) ÷ the median warm turn's, per fresh server, median over the servers: both come
/// from the same process in the same minute, so machine speed and load largely cancel.
/// </summary>
public static class ColdStartBenchmark
{
    public const double Target = 1.5;
    public const string StageGroup = "cold first turn";

    public static async Task RunAsync(BenchReport report, BenchSettings settings, IReadOnlyList<SpokenTurn> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(speech);
        var ratios = new List<double>();
        var colds = new List<double>();
        var warms = new List<double>();
        var starts = new List<double>();
        var coldScreens = new List<double>();
        for (var round = 0; round < settings.ColdStartRounds; round++)
        {
            var dataRoot = settings.NewDataRoot("vm-bench-cold-");
            try
            {
                var user = (await BenchUsers.CreateAsync(dataRoot.FullName, 1, cancellationToken))[0];
                var clock = Stopwatch.StartNew();
                var serverSettings = BenchServerSettings.For(dataRoot.FullName, workers: 2);
                if (Environment.GetEnvironmentVariable("VOICEMEMORY_BENCH_NO_WARMUP") == "1")
                {
                    // For the comparison in decision 0012: the same measurement without the start-up warm-up.
                    serverSettings["VoiceMemory:StartupWarmup"] = "false";
                }

                await using var server = await ServerProcess.StartAsync(serverSettings, cancellationToken);
                starts.Add(clock.Elapsed.TotalSeconds);
                using var client = user.CreateClient(server.Url);
                var recording = speech[0].Wav;

                var cold = (await client.WaitAsync(await client.SubmitWavAsync(recording, cancellationToken), TimeSpan.FromMinutes(5), cancellationToken)).EnsureCompleted();
                report.Stages.Add(StageGroup, cold.TimingsMs);
                var warm = new List<double>();
                for (var i = 0; i < settings.ColdStartWarmTurns; i++)
                {
                    var again = (await client.WaitAsync(await client.SubmitWavAsync(recording, cancellationToken), TimeSpan.FromMinutes(5), cancellationToken)).EnsureCompleted();
                    warm.Add(again.TimingsMs.Total ?? double.NaN);
                }

                var coldTotal = cold.TimingsMs.Total ?? double.NaN;
                var warmMedian = Percentiles.Median(warm);
                ratios.Add(coldTotal / warmMedian);
                colds.Add(coldTotal);
                warms.Add(warmMedian);
                coldScreens.Add(cold.TimingsMs.Screen ?? 0);
                Progress.Report(Invariant($"coldstart: server {round + 1}/{settings.ColdStartRounds}: started in {starts[^1]:0.0} s, first turn {coldTotal:0} ms (screen {cold.TimingsMs.Screen:0}), warm median {warmMedian:0} ms, ratio {coldTotal / warmMedian:0.00}"));
            }
            finally
            {
                dataRoot.Delete(recursive: true);
            }
        }

        var median = Percentiles.Median(ratios);
        report.Add(new Figure("cold start: first turn ÷ warm turn (median)", Invariant($"{median:0.00}"), Invariant($"≤ {Target:0.0}"), median <= Target));
        report.Add("cold start: first / warm turn (median ms)", Invariant($"{Percentiles.Median(colds):0} / {Percentiles.Median(warms):0}"));
        report.Detail(Invariant($"coldstart: {settings.ColdStartRounds} fresh server process(es); per server one spoken turn ({speech[0].Duration.TotalSeconds:0.0} s) right after /api/health answered, then the same recording {settings.ColdStartWarmTurns}× one at a time"));
        report.Detail(Invariant($"coldstart: ratios {string.Join(", ", ratios.Select(r => Invariant($"{r:0.00}")))}; first-turn screen stage {string.Join(", ", coldScreens.Select(s => Invariant($"{s:0}")))} ms; process start → health {string.Join(", ", starts.Select(s => Invariant($"{s:0.0}")))} s"));
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
