using System.Collections.Concurrent;
using System.Diagnostics;
using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;

namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>
/// 20 users × 60 requests/min for <c>--minutes</c> (default 10) against the default limits (60 requests/min/user),
/// with the server's resident memory sampled every 10 s. Afterwards the unfinished turns are drained and every
/// accepted turn is counted in the data root.
/// </summary>
internal sealed class SoakScenario : IScenario
{
    public const int Users = 20;

    public string Name => "soak";

    public async Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = context.ScenarioFolder(Name);
        var dataRoot = Path.Combine(folder, "data");
        var launch = context.Launch(dataRoot);
        var keys = await AdminCommands.AddUsersAsync(launch, "soak", Users);
        var clips = await context.SpokenClipsAsync();

        await using var server = new ManagedServer(launch, Path.Combine(folder, "server.log"));
        await server.StartAsync();
        var api = server.Api(context.Http, new TrafficCounters());
        var samples = new ConcurrentQueue<SoakSample>();
        var users = Enumerable.Range(0, Users).Select(i => new SoakUser(i, keys[i], api, clips, samples)).ToList();
        var sampler = new MemorySampler(server.Current!);
        var cpuBefore = sampler.CpuSeconds();
        using var stopSampling = new CancellationTokenSource();
        var sampling = sampler.RunAsync(stopSampling.Token);

        var duration = TimeSpan.FromMinutes(context.Options.SoakMinutes);
        HarnessContext.Log($"soak: {Users} users × 60 requests/min for {duration.TotalMinutes:0.#} min");
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(u => u.RunAsync(duration, cancellationToken)));
        var elapsed = clock.Elapsed;
        var cpuAfter = sampler.CpuSeconds();
        await stopSampling.CancelAsync();
        await sampling;

        // Outside the measured window: let the last turns finish, then count.
        var statuses = new ConcurrentDictionary<string, TurnStatusBody?>(users.SelectMany(u => u.Finished).Select(f => KeyValuePair.Create(f.Key, (TurnStatusBody?)f.Value)), StringComparer.Ordinal);
        var waiter = new TurnWaiter(api);
        await Task.WhenAll(users.Where(u => u.Pending is not null).Select(async u =>
        {
            foreach (var (id, status) in await waiter.WaitAsync(keys[users.IndexOf(u)], [u.Pending!], TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5), cancellationToken))
            {
                statuses[id] = status;
            }
        }));
        var census = await ApiCensus.CountAsync(api, keys, cancellationToken);
        await server.StopAsync();

        var snapshot = await DataRootInspector.InspectAsync(dataRoot);
        var accepted = users.SelectMany(u => u.Accepted).ToList();
        var result = ExactlyOnceCheck.Evaluate(accepted, snapshot);
        return SoakReport.Create(new SoakRun(
            context.Options.SoakMinutes, elapsed, samples.ToList(), users.Sum(u => u.SkippedTicks), accepted, statuses, sampler.Samples,
            cpuAfter is { } after && cpuBefore is { } before ? (after.Server - before.Server, after.Engines - before.Engines) : null,
            census, snapshot, result, dataRoot));
    }
}
