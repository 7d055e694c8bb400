using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.Chaos;

/// <summary>
/// 20 × kill -9 of the server at random moments while turns are in flight, each followed by a restart on the same
/// data root and port. Ten clients keep submitting (each waits 2–8 s between turns; every submission has its own
/// Idempotency-Key and is retried through the outage), then everything is drained and counted in the data root.
/// </summary>
internal sealed partial class ChaosScenario : IScenario
{
    public const int Kills = 20;
    public const int Users = 5;
    public const int Clients = 10;

    public string Name => "chaos";

    public async Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = context.ScenarioFolder(Name);
        var dataRoot = Path.Combine(folder, "data");
        var launch = context.Launch(dataRoot, new Dictionary<string, string>
        {
            ["VoiceMemory__Limits__RequestsPerMinute"] = "100000",
            // A killed process's jobs are reclaimed when their lease expires: 3 s keeps recovery quick.
            ["VoiceMemory__Runner__Lease"] = "00:00:03",
        });
        var keys = await AdminCommands.AddUsersAsync(launch, "chaos", Users);
        var mix = new TurnMix(await context.SpokenClipsAsync());
        var random = new Random(context.Options.Seed);

        await using var server = new ManagedServer(launch, Path.Combine(folder, "server.log"));
        await server.StartAsync();
        var counters = new TrafficCounters();
        var api = server.Api(context.Http, counters);
        var submitter = new ResilientSubmitter(api);

        var outcomes = new ConcurrentBag<SubmitOutcome>();
        var next = -1;
        using var stopSubmitting = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(
            async () =>
            {
                var pace = new Random(context.Options.Seed + client + 1);
                while (!stopSubmitting.IsCancellationRequested)
                {
                    var index = Interlocked.Increment(ref next);
                    var user = client % Users;
                    // Not cancelled by the stop: a submission in progress keeps retrying until it has a definite answer.
                    outcomes.Add(await submitter.SubmitAsync(user, keys[user], $"chaos-{index}", mix.For(index), new SubmitPolicy(TimeSpan.FromMinutes(3)), cancellationToken));
                    try
                    {
                        await Task.Delay(pace.Next(2000, 8000), stopSubmitting.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        // Stop after this turn.
                    }
                }
            },
            cancellationToken)).ToArray();

        var kills = new List<KillRecord>();
        for (var number = 1; number <= Kills; number++)
        {
            var up = Stopwatch.StartNew();
            await Task.Delay(random.Next(2000, 8000), cancellationToken);
            var (pending, running) = await JobProbe.ReadAsync(dataRoot);
            // "While turns are in flight": give the runner up to 5 s more to be inside a step.
            for (var wait = 0; running.Count == 0 && wait < 50; wait++)
            {
                await Task.Delay(100, cancellationToken);
                (pending, running) = await JobProbe.ReadAsync(dataRoot);
            }

            var uptime = up.Elapsed;
            await server.KillAsync();
            await Task.Delay(random.Next(0, 1000), cancellationToken);
            await server.StartAsync();
            kills.Add(new KillRecord(number, uptime, pending, running, server.Current!.StartupTime));
            HarnessContext.Log($"chaos: kill {number}/{Kills} after {uptime.TotalSeconds:0.0} s up ({running.Count} running, {pending} pending); restarted in {server.Current.StartupTime.TotalSeconds:0.0} s");
        }

        await stopSubmitting.CancelAsync();
        await Task.WhenAll(clients);
        var clock = Stopwatch.StartNew();
        var statuses = new ConcurrentDictionary<string, TurnStatusBody?>(StringComparer.Ordinal);
        var waiter = new TurnWaiter(api);
        await Task.WhenAll(outcomes.Where(o => o.TurnId is not null).GroupBy(o => o.User).Select(group => Task.Run(
            async () =>
            {
                var turnIds = group.OrderBy(o => int.Parse(o.IdempotencyKey[6..], System.Globalization.CultureInfo.InvariantCulture)).Select(o => o.TurnId!).ToList();
                foreach (var (turnId, status) in await waiter.WaitAsync(keys[group.Key], turnIds, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15), cancellationToken))
                {
                    statuses[turnId] = status;
                }
            },
            cancellationToken)));
        var drain = clock.Elapsed;
        var census = await ApiCensus.CountAsync(api, keys, cancellationToken);
        var crashedBeforeStop = server.Current is null || server.Current.HasExited;
        await server.StopAsync();

        var snapshot = await DataRootInspector.InspectAsync(dataRoot);
        var all = outcomes.ToList();
        var result = ExactlyOnceCheck.Evaluate(all, snapshot);
        var replayed = ServerLog.Count(server.LogPath, ReplayedLine());
        var swept = ServerLog.Count(server.LogPath, SweptLine());
        return ChaosReport.Create(new ChaosRun(all, kills, statuses, census, snapshot, result, counters, drain, replayed, swept, crashedBeforeStop, server.Starts, dataRoot));
    }

    [GeneratedRegex(@"finished: \w+ \([1-9]\d* step\(s\) replayed\)", RegexOptions.CultureInvariant)]
    private static partial Regex ReplayedLine();

    [GeneratedRegex(@"Re-scheduled \d+ accepted turn\(s\) that had no runner job", RegexOptions.CultureInvariant)]
    private static partial Regex SweptLine();
}
