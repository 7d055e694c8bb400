using System.Globalization;
using VoiceMemory.Api;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.Benchmarks.Hosting;
using VoiceMemory.Benchmarks.Reporting;

namespace VoiceMemory.Benchmarks.Workers;

/// <summary>
/// Worker scaling: the same fixed batch of spoken turns, submitted at once to a fresh server process with 1 worker and
/// with 2 workers, alternating (1, 2, then 2, 1, …) so drift in the machine's speed hits both alike. Throughput is
/// completed turns per minute from the first acceptance to the last completion (server-side createdAt/updatedAt).
/// </summary>
public static class WorkerScalingBenchmark
{
    public const double Target = 1.7;
    public const string StageGroup = "batch, 2 workers";
    private const int Users = 4;

    public static async Task RunAsync(BenchReport report, BenchSettings settings, IReadOnlyList<SpokenTurn> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var elapsed = new Dictionary<int, TimeSpan> { [1] = TimeSpan.Zero, [2] = TimeSpan.Zero };
        var completed = new Dictionary<int, int> { [1] = 0, [2] = 0 };
        for (var round = 0; round < settings.WorkerRounds; round++)
        {
            int[] order = round % 2 == 0 ? [1, 2] : [2, 1];
            foreach (var workers in order)
            {
                var (turns, time) = await RunBatchAsync(report, settings, speech, workers, cancellationToken);
                elapsed[workers] += time;
                completed[workers] += turns;
                Progress.Report(Invariant($"workers: round {round + 1}, {workers} worker(s): {turns} turns in {time.TotalSeconds:0.0} s = {turns / time.TotalMinutes:0.0} turns/min"));
            }
        }

        var one = completed[1] / elapsed[1].TotalMinutes;
        var two = completed[2] / elapsed[2].TotalMinutes;
        var ratio = two / one;
        report.Add(new Figure("worker scaling: turns/min 2 workers ÷ 1 worker", Invariant($"{ratio:0.00}"), Invariant($"≥ {Target:0.0}"), ratio >= Target));
        report.Add("worker scaling: turns/min with 1 / 2 workers", Invariant($"{one:0.0} / {two:0.0}"));
        report.Detail(Invariant($"workers: batch of {settings.WorkerBatchTurns} spoken turns from {Users} users, {settings.WorkerRounds} round(s) per worker count, fresh server process each; ") + Invariant($"1 worker {completed[1]} turns in {elapsed[1].TotalSeconds:0.0} s, 2 workers {completed[2]} turns in {elapsed[2].TotalSeconds:0.0} s"));
    }

    private static async Task<(int Turns, TimeSpan Elapsed)> RunBatchAsync(
        BenchReport report, BenchSettings settings, IReadOnlyList<SpokenTurn> speech, int workers, CancellationToken cancellationToken)
    {
        var dataRoot = settings.NewDataRoot("vm-bench-workers-");
        try
        {
            var users = await BenchUsers.CreateAsync(dataRoot.FullName, Users, cancellationToken);
            await using var server = await ServerProcess.StartAsync(BenchServerSettings.For(dataRoot.FullName, workers), cancellationToken);
            var clients = users.Select(u => u.CreateClient(server.Url)).ToArray();
            try
            {
                // Give the start-up health probe (it runs each engine once) time to finish before the batch.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                var submitted = new List<(HttpClient Client, string TurnId)>(settings.WorkerBatchTurns);
                for (var i = 0; i < settings.WorkerBatchTurns; i++)
                {
                    var client = clients[i % clients.Length];
                    submitted.Add((client, await client.SubmitWavAsync(speech[i % speech.Count].Wav, cancellationToken)));
                }

                var statuses = new List<TurnStatusBody>(submitted.Count);
                foreach (var (client, turnId) in submitted)
                {
                    statuses.Add((await client.WaitAsync(turnId, TimeSpan.FromMinutes(10), cancellationToken)).EnsureCompleted());
                }

                if (workers == 2)
                {
                    foreach (var status in statuses)
                    {
                        report.Stages.Add(StageGroup, status.TimingsMs);
                    }
                }

                var elapsed = statuses.Max(s => s.UpdatedAt) - statuses.Min(s => s.CreatedAt);
                return (statuses.Count, elapsed);
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

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
