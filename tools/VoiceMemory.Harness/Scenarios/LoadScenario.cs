using System.Collections.Concurrent;
using System.Diagnostics;
using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios;

/// <summary>
/// 500 submissions from 50 concurrent clients (10 users, 5 clients each), every one with its own Idempotency-Key and
/// client retries: 1 in 5 first attempts is cut off by the client after 2–40 ms (a flaky network; the client cannot
/// know whether the server stored it, so it retries with the same key), and 1 in 10 accepted requests is delivered a
/// second time (a lost response). Each client submits its 10 turns back to back, then polls them to the end.
/// </summary>
internal sealed class LoadScenario : IScenario
{
    private const int Users = 10;
    private const int Clients = 50;
    private const int PerClient = 10;

    public string Name => "load";

    public async Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = context.ScenarioFolder(Name);
        var dataRoot = Path.Combine(folder, "data");
        // 50 clients polling as 10 users would exceed the default 60 requests/min/user: raised so the limit does not shape the test.
        var launch = context.Launch(dataRoot, new Dictionary<string, string> { ["VoiceMemory__Limits__RequestsPerMinute"] = "100000" });
        var keys = await AdminCommands.AddUsersAsync(launch, "load", Users);
        var mix = new TurnMix(await context.SpokenClipsAsync());

        await using var server = new ManagedServer(launch, Path.Combine(folder, "server.log"));
        await server.StartAsync();
        var counters = new TrafficCounters();
        var api = server.Api(context.Http, counters);
        var submitter = new ResilientSubmitter(api);
        HarnessContext.Log($"load: {Clients} clients submitting {Clients * PerClient} turns");

        var outcomes = new ConcurrentBag<SubmitOutcome>();
        var statuses = new ConcurrentDictionary<string, TurnStatusBody?>(StringComparer.Ordinal);
        var waiter = new TurnWaiter(api);
        var submitEnds = new ConcurrentBag<TimeSpan>();
        var cut = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(
            async () =>
            {
                var user = client % Users;
                var mine = new List<SubmitOutcome>();
                for (var j = 0; j < PerClient; j++)
                {
                    var index = (client * PerClient) + j;
                    var cutFirst = index % 5 == 1;
                    var policy = new SubmitPolicy(
                        TimeSpan.FromMinutes(5),
                        AbortFirstAttemptAfter: cutFirst ? TimeSpan.FromMilliseconds(2 + ((context.Options.Seed + index) % 39)) : null,
                        DeliverTwice: index % 10 == 3);
                    Interlocked.Add(ref cut, cutFirst ? 1 : 0);
                    mine.Add(await submitter.SubmitAsync(user, keys[user], $"load-{index}", mix.For(index), policy, cancellationToken));
                }

                submitEnds.Add(clock.Elapsed);
                mine.ForEach(outcomes.Add);
                var turnIds = mine.Where(o => o.TurnId is not null).Select(o => o.TurnId!).ToList();
                foreach (var (turnId, status) in await waiter.WaitAsync(keys[user], turnIds, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(20), cancellationToken))
                {
                    statuses[turnId] = status;
                }
            },
            cancellationToken)));
        var submitPhase = submitEnds.Max();
        var drained = clock.Elapsed;
        HarnessContext.Log($"load: submissions done after {submitPhase.TotalSeconds:0.0} s, all turns finished after {drained.TotalSeconds:0.0} s");
        var census = await ApiCensus.CountAsync(api, keys, cancellationToken);
        var rss = server.Current?.ResidentKilobytes();
        await server.StopAsync();

        var snapshot = await DataRootInspector.InspectAsync(dataRoot);
        var all = outcomes.ToList();
        var result = ExactlyOnceCheck.Evaluate(all, snapshot);
        return Report(all, statuses, census, snapshot, result, counters, cut, submitPhase, drained, rss, dataRoot);
    }

    private static Summary Report(
        List<SubmitOutcome> outcomes,
        IReadOnlyDictionary<string, TurnStatusBody?> statuses,
        (int Listed, int Unfinished, int Failed) census,
        DataRootSnapshot snapshot,
        ExactlyOnceResult result,
        TrafficCounters counters,
        int cut,
        TimeSpan submitPhase,
        TimeSpan drained,
        long? rss,
        string dataRoot)
    {
        var accepted = outcomes.Where(o => o.Result == SubmitResult.Accepted).ToList();
        var retries = outcomes.Sum(o => o.Attempts - 1);
        var twice = outcomes.Where(o => o.SecondDeliverySameTurn is not null).ToList();
        var summary = new Summary("load")
            .Figure("data root", dataRoot)
            .Figure("clients", $"{Clients} concurrent ({Users} users × 5 clients), {PerClient} submissions each")
            .Figure("mix", $"{TurnMix.Description}: typed {outcomes.Count(o => o.Payload.Kind == PayloadKind.Typed)}, WAV {outcomes.Count(o => o.Payload.Kind == PayloadKind.Wav)}, MP3 {outcomes.Count(o => o.Payload.Kind == PayloadKind.Mp3)}")
            .Figure("server settings", "RequestsPerMinute=100000 (raised), Runner workers 2 / lease 30 s (defaults)")
            .Figure("submissions", $"{outcomes.Count}")
            .Figure("accepted / refused / gave up", $"{accepted.Count} / {outcomes.Count(o => o.Result == SubmitResult.Refused)} / {outcomes.Count(o => o.Result == SubmitResult.GaveUp)}")
            .Figure("client retries (same key)", $"{retries} (first attempts cut off by the client: {cut}; accepted requests delivered twice: {twice.Count}, same turn id back: {twice.Count(o => o.SecondDeliverySameTurn == true)})")
            .Figure("429 rate_limited", $"{counters.Count(429)} (Retry-After honoured)")
            .Figure("5xx answers", $"{counters.ServerErrors}")
            .Figure("no answer (client-side)", counters.DescribeFailures())
            .Figure("all answers by status", counters.DescribeStatuses())
            .Figure("error answers by code", counters.DescribeErrors())
            .Figure("submission phase", $"{submitPhase.TotalSeconds:0.0} s ({outcomes.Count / submitPhase.TotalSeconds:0.0} submissions/s)")
            .Figure("accept latency (the 202 attempt)", Percentiles.Describe(accepted.Select(o => o.AcceptLatency.TotalMilliseconds)))
            .Figure("all turns finished after", $"{drained.TotalSeconds:0.0} s ({accepted.Count / drained.TotalSeconds:0.00} turns/s end to end)");
        TurnTimings.AddTo(summary, accepted, statuses);
        summary
            .Figure("API census", $"{census.Listed} turns listed, {census.Unfinished} unfinished, {census.Failed} failed")
            .Figure("server VmRSS at end", $"{(rss ?? 0) / 1024.0:0.0} MiB");
        ExactlyOnceReport.AddTo(summary, result, snapshot, expectNoFailures: true);
        return summary
            .Expect("500 submissions accepted", accepted.Count == Clients * PerClient, $"{accepted.Count} accepted")
            .Expect("0 5xx", counters.ServerErrors == 0, $"{counters.ServerErrors}")
            .Expect("a repeated delivery names the same turn", twice.All(o => o.SecondDeliverySameTurn == true), $"{twice.Count(o => o.SecondDeliverySameTurn == true)} of {twice.Count}")
            .Expect("API lists each accepted turn once, finished", census.Listed == accepted.Count && census.Unfinished == 0, $"{census.Listed} listed for {accepted.Count} accepted, {census.Unfinished} unfinished");
    }
}
