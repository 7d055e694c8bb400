using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using VoiceMemory.Functions.Hosting;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// Accepted turns whose orchestration may not have been scheduled yet: a marker is written before the turn record
/// and removed once its orchestration exists, so a crash between recording and scheduling leaves a marker the
/// <see cref="QueuedTurnSweeper"/> finds without scanning the turns table. Markers spread over 256 partitions by the
/// turn id's last two characters.
/// </summary>
public sealed class PendingTurns(HostTables tables)
{
    public async Task AddAsync(string userId, string turnId, DateTimeOffset acceptedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.PendingTurns, cancellationToken);
        var entity = new TableEntity(Partition(turnId), turnId)
        {
            ["UserId"] = userId,
            ["AcceptedAt"] = acceptedAt,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task RemoveAsync(string turnId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.PendingTurns, cancellationToken);
        await table.DeleteEntityAsync(Partition(turnId), turnId, ETag.All, cancellationToken);
    }

    /// <summary>Markers written before <paramref name="cutoff"/>.</summary>
    public async IAsyncEnumerable<PendingTurn> ListOlderThanAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.PendingTurns, cancellationToken);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"AcceptedAt lt {cutoff}"), cancellationToken: cancellationToken))
        {
            yield return new PendingTurn(entity.GetString("UserId") ?? string.Empty, entity.RowKey, entity.GetDateTimeOffset("AcceptedAt") ?? cutoff);
        }
    }

    /// <summary>Removes every marker of <paramref name="userId"/> (erasure); returns how many.</summary>
    public async Task<int> RemoveUserAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.PendingTurns, cancellationToken);
        var removed = 0;
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UserId eq {userId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            removed++;
        }

        return removed;
    }

    private static string Partition(string turnId) => turnId.Length >= 2 ? turnId[^2..] : turnId;
}

/// <summary>A marker: the turn was accepted at <see cref="AcceptedAt"/> and may still need scheduling.</summary>
public sealed record PendingTurn(string UserId, string TurnId, DateTimeOffset AcceptedAt);
