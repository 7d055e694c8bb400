using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Llm;
using VoiceMemory.Tests.Workflow;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>
/// The turn orchestration under real Durable replay (<see cref="DurableTaskTestHost"/>): the orchestrator and the
/// activity functions registered under the names the Functions host gives them, the activities calling the real
/// <see cref="TurnActivities"/> (real policies, in-memory stores, mocked providers), and counts of activity calls and
/// orchestrator episodes. The scheduler is the host's, with its pending markers in Azurite.
/// </summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
    private int episodes;

    private DurableHarness(ActivitiesHarness activities) => Activities = activities;

    public ActivitiesHarness Activities { get; }

    public DurableTaskTestHost Host { get; private set; } = null!;

    public DurableTaskClient Client => Host.Client;

    public PendingTurns Pending { get; private set; } = null!;

    public DurableTurnScheduler Scheduler { get; private set; } = null!;

    public int Episodes => Volatile.Read(ref episodes);

    public int Calls(string step) => calls.GetValueOrDefault(step);

    public int TotalCalls => calls.Values.Sum();

    public static async Task<DurableHarness> StartAsync(params IChatModel[] links)
    {
        var harness = new DurableHarness(new ActivitiesHarness(links));
        var tables = TestStorage.NewHostTables();
        harness.Pending = new PendingTurns(tables);
        harness.Scheduler = new DurableTurnScheduler(new DurableClientScope(), harness.Pending, NullLogger<DurableTurnScheduler>.Instance);
        TurnActivityFunctions Functions() => new(harness.Activities.Build(), NullLogger<TurnActivityFunctions>.Instance);

        harness.Host = await DurableTaskTestHost.StartAsync(
            registry => TurnTasks.Register(registry, Functions, name =>
            {
                if (name == TurnOrchestrator.Name)
                {
                    Interlocked.Increment(ref harness.episodes);
                }
                else
                {
                    harness.calls.AddOrUpdate(name, 1, (_, n) => n + 1);
                }
            }),
            new DurableTaskTestHostOptions { Port = FreePort.Next() });
        return harness;
    }

    /// <summary>Schedules the turn as the intake does and waits for its orchestration to finish.</summary>
    public async Task<OrchestrationMetadata> RunAsync(TurnRequest request)
    {
        await Scheduler.StartAsync(Client, request, CancellationToken.None);
        return await WaitAsync(request.TurnId);
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
