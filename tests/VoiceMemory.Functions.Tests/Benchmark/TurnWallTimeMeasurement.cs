using System.Diagnostics;
using System.Globalization;
using Microsoft.DurableTask.Client;
using VoiceMemory.Functions.Tests.Support;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Workflow;
using VoiceMemory.Turns;
using Xunit.Abstractions;

namespace VoiceMemory.Functions.Tests.Benchmark;

/// <summary>
/// Measures (reports, never asserts) a typed turn's wall time through the in-process Durable host on Azurite, and the
/// same workflow over the same activities and Azure adapters called directly (no orchestration), in the same run.
/// The numbers go to the test output and to <c>$VOICEMEMORY_BENCH_OUT</c> when set (docs/performance/azure-host.md).
/// </summary>
public sealed class TurnWallTimeMeasurement(ITestOutputHelper output)
{
    private const int Warmup = 3;
    private const int Measured = 15;

    [Fact]
    public async Task TypedTurn_DurableInProcess_VersusDirect()
    {
        await using var app = await FunctionsApp.StartAsync();
        var scheduler = app.Get<Functions.Orchestration.DurableTurnScheduler>();
        var turns = app.Get<ITurnStore>();
        var activities = app.Get<TurnActivities>();

        async Task<TurnRequest> QueueAsync(string user, int i)
        {
            var now = app.Time.GetUtcNow();
            var record = new TurnRecord { TurnId = TurnIds.New(now) + i.ToString("x2", CultureInfo.InvariantCulture)[..2], UserId = user, State = TurnState.Queued, CreatedAt = now, UpdatedAt = now, Locale = "en-US", Typed = true, Transcript = new Transcript("My name is Zoe and I like sailing.", "en-US", 1) };
            await turns.AddAsync(record, CancellationToken.None);
            return TurnRequests.From(record);
        }

        var durable = new List<double>();
        var direct = new List<double>();
        for (var i = 0; i < Warmup + Measured; i++)
        {
            var request = await QueueAsync("benchdurable", i);
            var clock = Stopwatch.StartNew();
            await scheduler.StartAsync(app.Client, request, CancellationToken.None);
            var finished = await app.WaitAsync(request.TurnId);
            clock.Stop();
            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);

            var plain = await QueueAsync("benchdirect", i);
            var directClock = Stopwatch.StartNew();
            var outcome = await VoiceTurnWorkflow.RunAsync(plain, new ActivitiesHarness.DirectSteps(activities));
            directClock.Stop();
            Assert.Equal(TurnState.Completed, outcome.State);

            if (i >= Warmup)
            {
                durable.Add(clock.Elapsed.TotalMilliseconds);
                direct.Add(directClock.Elapsed.TotalMilliseconds);
            }
        }

        var line = string.Create(CultureInfo.InvariantCulture,
            $"typed turn, {Measured} each after {Warmup} warm-up: durable in-process median {Median(durable):0} ms (p90 {P90(durable):0}), direct median {Median(direct):0} ms (p90 {P90(direct):0}), ratio {Median(durable) / Median(direct):0.00}");
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("VOICEMEMORY_BENCH_OUT") is { Length: > 0 } path)
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine);
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P90(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.9) - 1);
}
