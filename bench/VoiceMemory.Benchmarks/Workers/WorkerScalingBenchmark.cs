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
    /// <summary>The server's 2-worker scaling as a share of the raw engine's 2-process scaling on the same machine, same run.</summary>
    public const double Target = 0.95;
    public const string StageGroup = "batch, 2 workers";
    private const int Users = 4;
    private const int MaxRetries = 2;
    private const double BusyMachineCores = 0.25;

    public static async Task RunAsync(BenchReport report, BenchSettings settings, IReadOnlyList<SpokenTurn> speech, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var elapsed = new Dictionary<int, TimeSpan> { [1] = TimeSpan.Zero, [2] = TimeSpan.Zero };
        var completed = new Dictionary<int, int> { [1] = 0, [2] = 0 };
        var serverCpu = new Dictionary<int, TimeSpan> { [1] = TimeSpan.Zero, [2] = TimeSpan.Zero };
        var foreignCores = new List<double>();
        var retried = 0;
        using var raw = await RawEngineScaling.PrepareAsync(speech, settings.WorkerBatchTurns, cancellationToken);
        var rawElapsed = new Dictionary<int, TimeSpan> { [1] = TimeSpan.Zero, [2] = TimeSpan.Zero };
        for (var round = 0; round < settings.WorkerRounds; round++)
        {
            int[] order = round % 2 == 0 ? [1, 2] : [2, 1];
            // The raw engine's scaling, right next to the server's batches of the same round (same load, same files).
            foreach (var processes in order)
            {
                var time = await raw.RunAsync(processes, cancellationToken);
                rawElapsed[processes] += time;
                Progress.Report(Invariant($"workers: round {round + 1}, raw pocketsphinx with {processes} process(es) at once: {raw.Count} files in {time.TotalSeconds:0.0} s"));
            }

            foreach (var workers in order)
            {
                var batch = await RunBatchAsync(settings, speech, workers, cancellationToken);
                for (var retry = 1; retry <= MaxRetries && batch.ForeignCores > BusyMachineCores; retry++)
                {
                    // Someone else's build took CPU from the batch: the figure would measure them, not the runner.
                    Progress.Report(Invariant($"workers: other processes used {batch.ForeignCores:0.00} cores during the batch; running it again ({retry}/{MaxRetries})"));
                    retried++;
                    var again = await RunBatchAsync(settings, speech, workers, cancellationToken);
                    batch = again.ForeignCores < batch.ForeignCores ? again : batch;
                }

                var (turns, time, cpu, foreign) = (batch.Turns.Count, batch.Elapsed, batch.ServerCpu, batch.ForeignCores);
                foreignCores.Add(foreign);
                if (workers == 2)
                {
                    foreach (var status in batch.Turns)
                    {
                        report.Stages.Add(StageGroup, status.TimingsMs);
                    }
                }

                elapsed[workers] += time;
                completed[workers] += turns;
                serverCpu[workers] += cpu;
                Progress.Report(Invariant($"workers: round {round + 1}, {workers} worker(s): {turns} turns in {time.TotalSeconds:0.0} s = {turns / time.TotalMinutes:0.0} turns/min; other processes used {foreign:0.00} cores meanwhile"));
            }
        }

        var one = completed[1] / elapsed[1].TotalMinutes;
        var two = completed[2] / elapsed[2].TotalMinutes;
        var ratio = two / one;
        var rawRatio = rawElapsed[1] / rawElapsed[2];
        var share = ratio / rawRatio;
        report.Add(new Figure("worker scaling ÷ raw pocketsphinx 2-process scaling", Invariant($"{share:0.00}"), Invariant($"≥ {Target:0.00}"), share >= Target));
        report.Add("worker scaling: turns/min 2 workers ÷ 1 worker", Invariant($"{ratio:0.00}"));
        report.Add("raw pocketsphinx: files/min 2 processes ÷ 1", Invariant($"{rawRatio:0.00}"));
        report.Add("worker scaling: turns/min with 1 / 2 workers", Invariant($"{one:0.0} / {two:0.0}"));
        report.Detail(Invariant($"workers: raw pocketsphinx_continuous (server's arguments, pre-normalised WAVs), {raw.Count} files per run: {rawElapsed[1].TotalSeconds:0.0} s one at a time, {rawElapsed[2].TotalSeconds:0.0} s two at once, over {settings.WorkerRounds} round(s)"));
        report.Detail(Invariant($"workers: batch of {settings.WorkerBatchTurns} spoken turns from {Users} users, {settings.WorkerRounds} round(s) per worker count, alternating, fresh server process each"));
        report.Detail(Invariant($"workers: 1 worker {completed[1]} turns in {elapsed[1].TotalSeconds:0.0} s, 2 workers {completed[2]} turns in {elapsed[2].TotalSeconds:0.0} s (first acceptance → last completion), after {settings.WorkerWarmupTurns} uncounted warm-up turn(s) per server"));
        report.Detail(Invariant($"workers: CPU used by processes other than this benchmark's during the batches: {string.Join(", ", foreignCores.Select(c => Invariant($"{c:0.00}")))} cores (of {Environment.ProcessorCount}); batches re-run because others used > {BusyMachineCores:0.00} cores: {retried}"));
        report.Detail(Invariant($"workers: server process CPU (its own, engines excluded) per turn: {serverCpu[1].TotalMilliseconds / completed[1]:0} ms with 1 worker, {serverCpu[2].TotalMilliseconds / completed[2]:0} ms with 2"));
    }

    private static async Task<BatchResult> RunBatchAsync(BenchSettings settings, IReadOnlyList<SpokenTurn> speech, int workers, CancellationToken cancellationToken)
    {
        var dataRoot = settings.NewDataRoot("vm-bench-workers-");
        try
        {
            var users = await BenchUsers.CreateAsync(dataRoot.FullName, Users, cancellationToken);
            await using var server = await ServerProcess.StartAsync(BenchServerSettings.For(dataRoot.FullName, workers), cancellationToken);
            var clients = users.Select(u => u.CreateClient(server.Url)).ToArray();
            try
            {
                // Warm-up turns first, not counted: a fresh process compiles the pipeline's code on its first turn (JIT),
                // a one-time cost that would otherwise land inside the batch and weigh more on the shorter 2-worker run.
                var warmups = new List<string>();
                for (var i = 0; i < settings.WorkerWarmupTurns; i++)
                {
                    warmups.Add(await clients[0].SubmitWavAsync(speech[i % speech.Count].Wav, cancellationToken));
                }

                foreach (var turnId in warmups)
                {
                    (await clients[0].WaitAsync(turnId, TimeSpan.FromMinutes(10), cancellationToken)).EnsureCompleted();
                }

                var cpuBefore = ProcessCpu.Of(server.ProcessId);
                var (machineBefore, oursBefore) = (SystemCpu.Busy(), OurCpu(server.ProcessId));
                var clock = System.Diagnostics.Stopwatch.StartNew();
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

                var serverCpu = ProcessCpu.Of(server.ProcessId) - cpuBefore;
                var foreign = SystemCpu.Busy() - machineBefore - (OurCpu(server.ProcessId) - oursBefore);
                var elapsed = statuses.Max(s => s.UpdatedAt) - statuses.Min(s => s.CreatedAt);
                return new BatchResult(statuses, elapsed, serverCpu.Total, foreign.TotalSeconds / clock.Elapsed.TotalSeconds);
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

    /// <summary>This benchmark's CPU: its own process, the server's, and the engines the server has waited for.</summary>
    private static TimeSpan OurCpu(int serverPid) =>
        ProcessCpu.Of(Environment.ProcessId).Total + ProcessCpu.WithChildrenOf(serverPid).Total;

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
