using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Retention of Durable instance history (it holds transcripts and replies): instances Completed, Failed or Terminated
/// and created more than <see cref="FunctionsOptions.InstanceHistoryDays"/> ago are purged, in rounds until the backend
/// reports the purge complete. Also finishes purges left pending by erasure.
/// </summary>
public sealed class InstanceHistoryRetention(DurableClientScope scope, InstancePurger purger, IOptions<FunctionsOptions> options) : IRetentionExtension
{
    /// <summary>Rounds before giving up until the next run (each round is bounded by the backend).</summary>
    internal const int MaxRounds = 100;

    private static readonly DateTimeOffset EarliestCreated = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public string Kind => "orchestration_instance";

    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var client = scope.Current;
        var cutoff = now - TimeSpan.FromDays(options.Value.InstanceHistoryDays);
        // An explicit lower bound (no instance predates 2020) rather than null: equivalent for the Azure Storage backend,
        // and the in-process test host's gRPC sidecar fails on a null CreatedFrom.
        var filter = new PurgeInstancesFilter(EarliestCreated, cutoff, [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]);
        var purged = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var result = await client.PurgeAllInstancesAsync(filter, cancellationToken);
            purged += result.PurgedInstanceCount;

            // IsComplete is null from backends that always purge everything in one call.
            if (result.IsComplete != false)
            {
                break;
            }
        }

        await purger.PurgePendingAsync(client, cancellationToken);
        return purged;
    }
}
