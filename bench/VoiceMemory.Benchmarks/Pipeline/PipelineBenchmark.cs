using System.Globalization;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Reporting;

namespace VoiceMemory.Benchmarks.Pipeline;

/// <summary>
/// Pipeline overhead: spoken turns of 3–5 s, one at a time, through the real server in this process. For each turn,
/// its wall time (timingsMs.total: acceptance → completed) is divided by the summed lifetime of the engine processes
/// it ran (sox, pocketsphinx, flite, lame: the <c>engine.run</c> spans of its trace). Both come from the same turn in
/// the same run, so machine speed cancels; the median over the turns is the figure.
/// </summary>
public static class PipelineBenchmark
{
    public const double Target = 1.15;
    public const string StageGroup = "one turn at a time";

    public static async Task RunAsync(BenchReport report, BenchSettings settings, IReadOnlyList<SpokenTurn> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(speech);
        var dataRoot = settings.NewDataRoot("vm-bench-pipeline-");
        try
        {
            using var spans = new EngineSpanCollector();
            await using var server = await InProcessServer.StartAsync(BenchServerSettings.For(dataRoot.FullName, workers: 2), cancellationToken);
            var user = (await server.AddUsersAsync(1, cancellationToken))[0];
            using var client = user.CreateClient(server.Url);

            for (var i = 0; i < settings.PipelineWarmupTurns; i++)
            {
                Progress.Report($"pipeline: warm-up turn {i + 1}/{settings.PipelineWarmupTurns}");
                await RunTurnAsync(client, spans, speech[i % speech.Count], cancellationToken);
            }

            var totalRatios = new List<double>();
            var spanRatios = new List<double>();
            var walls = new List<double>();
            var engines = new List<double>();
            var perEngine = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            for (var i = 0; i < settings.PipelineTurns; i++)
            {
                var turn = speech[(settings.PipelineWarmupTurns + i) % speech.Count];
                var (status, turnSpans) = await RunTurnAsync(client, spans, turn, cancellationToken);
                report.Stages.Add(StageGroup, status.TimingsMs);
                var wall = status.TimingsMs.Total ?? throw new InvalidOperationException($"turn {status.TurnId} has no total time");
                var engine = turnSpans.EngineTotal.TotalMilliseconds;
                totalRatios.Add(wall / engine);
                spanRatios.Add(turnSpans.RunnerSpan.TotalMilliseconds / engine);
                walls.Add(wall);
                engines.Add(engine);
                foreach (var group in turnSpans.EngineRuns.GroupBy(r => r.Engine))
                {
                    if (!perEngine.TryGetValue(group.Key, out var list))
                    {
                        list = [];
                        perEngine[group.Key] = list;
                    }

                    list.Add(group.Sum(r => r.Elapsed.TotalMilliseconds));
                }

                Progress.Report(Invariant($"pipeline: turn {i + 1}/{settings.PipelineTurns}: {turn.Duration.TotalSeconds:0.0} s of speech, wall {wall:0} ms, engines {engine:0} ms, ratio {wall / engine:0.000}"));
            }

            var median = Percentiles.Median(totalRatios);
            report.Add(new Figure("pipeline overhead: turn wall ÷ engine time (median)", Invariant($"{median:0.000}"), Invariant($"≤ {Target:0.00}"), median <= Target));
            report.Detail(Invariant($"pipeline: {settings.PipelineTurns} spoken turns of {speech.Min(s => s.Duration.TotalSeconds):0.0}–{speech.Max(s => s.Duration.TotalSeconds):0.0} s, one at a time, in-process server (2 workers), after {settings.PipelineWarmupTurns} warm-up turns"));
            report.Detail(Invariant($"pipeline: median wall (timingsMs.total) {Percentiles.Median(walls):0} ms, median engine sum {Percentiles.Median(engines):0} ms, ratio range {totalRatios.Min():0.000}–{totalRatios.Max():0.000}"));
            report.Detail(Invariant($"pipeline: runner span (claim → completion) ÷ engine time, median {Percentiles.Median(spanRatios):0.000}"));
            report.Detail("pipeline: median engine time per turn: " + string.Join(", ", perEngine.Select(e => Invariant($"{e.Key} {Percentiles.Median(e.Value):0} ms"))));
        }
        finally
        {
            dataRoot.Delete(recursive: true);
        }
    }

    private static async Task<(VoiceMemory.Api.TurnStatusBody Status, TurnSpans Spans)> RunTurnAsync(HttpClient client, EngineSpanCollector spans, SpokenTurn turn, CancellationToken cancellationToken)
    {
        var turnId = await client.SubmitWavAsync(turn.Wav, cancellationToken);
        var status = (await client.WaitAsync(turnId, TimeSpan.FromMinutes(2), cancellationToken)).EnsureCompleted();
        return (status, await spans.WaitForAsync(turnId, cancellationToken));
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
