using Azure;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using VoiceMemory.Functions.Hosting;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Removes orchestration instances and their history (which holds transcripts and replies). A finished instance is
/// purged at once; a running one is terminated and remembered in <see cref="HostTables.PendingPurges"/> (by instance id
/// only, nothing of the user) until <see cref="PurgePendingAsync"/> finds it finished and purges it.
/// </summary>
public sealed partial class InstancePurger(HostTables tables, ILogger<InstancePurger> logger)
{
    private const string Partition = "purge";

    /// <summary>Purges or terminates <paramref name="instanceId"/>; true when its history is already gone.</summary>
    public async Task<bool> RemoveAsync(DurableTaskClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return true;
        }

        if (IsFinished(instance.RuntimeStatus))
        {
            await client.PurgeInstanceAsync(instanceId, cancellationToken);
            return true;
        }

        await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions("erased"), cancellationToken);
        var table = await tables.GetAsync(HostTables.PendingPurges, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, instanceId), TableUpdateMode.Replace, cancellationToken);
        LogTerminated(instanceId);
        return false;
    }

    /// <summary>Purges every remembered instance that has finished; returns how many remain.</summary>
    public async Task<int> PurgePendingAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var table = await tables.GetAsync(HostTables.PendingPurges, cancellationToken);
        var remaining = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            var instance = await client.GetInstanceAsync(entity.RowKey, getInputsAndOutputs: false, cancellationToken);
            if (instance is not null && !IsFinished(instance.RuntimeStatus))
            {
                remaining++;
                continue;
            }

            if (instance is not null)
            {
                await client.PurgeInstanceAsync(entity.RowKey, cancellationToken);
            }

            await table.DeleteEntityAsync(Partition, entity.RowKey, ETag.All, cancellationToken);
        }

        return remaining;
    }

    private static bool IsFinished(OrchestrationRuntimeStatus status) =>
        status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    [LoggerMessage(EventId = 8501, Level = LogLevel.Information, Message = "Instance {InstanceId} terminated for erasure; purged once it has stopped")]
    private partial void LogTerminated(string instanceId);
}
