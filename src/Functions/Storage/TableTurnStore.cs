using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Turn records in one table, a partition per user (see <see cref="TurnRowKeys"/> for the row layout). A turn's record,
/// its listing copy and its idempotency key are written together in one entity-group transaction, so they are never
/// out of step: <see cref="AddAsync"/> inserts all three or nothing, which makes two racing submissions with one key
/// resolve to one turn without any lock. Updates are last-writer-wins (a turn is written by one orchestration at a
/// time; see docs/decisions/0005). Listing newest first is one range query in the user's partition.
/// </summary>
public sealed class TableTurnStore(TableServiceClient service, string tableName) : ITurnStore
{
    private const string What = "turns";
    private const string CreatedTicks = "CreatedTicks";
    private const string TurnIdProperty = "TurnId";
    private const string KeyProperty = "IdempotencyKey";

    private static readonly IReadOnlyList<string> RecordColumns = [CreatedTicks, KeyProperty, .. CompressedJson.Columns];

    private readonly TableClient table = service.GetTableClient(tableName);

    public async Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var partition = Partition(record.UserId);
        var actions = Entities(record, partition).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList();
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken);
            return record;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // Something was there already: the same key of the same user (the race this method exists for), or the
            // same turn (a retried add).
        }
        catch (RequestFailedException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }
        catch (AggregateException ex) when (StorageErrors.Translate(ex, What) is { } typed)
        {
            throw typed;
        }

        if (record.IdempotencyKey is { } key)
        {
            var owner = await GetEntityAsync(partition, TurnRowKeys.Key(key), [TurnIdProperty], cancellationToken);
            if (owner?.GetString(TurnIdProperty) is { } ownerTurnId)
            {
                return await GetAsync(record.UserId, ownerTurnId, cancellationToken)
                    ?? throw new InvalidOperationException("An idempotency key points at a turn that does not exist.");
            }
        }

        return await GetAsync(record.UserId, record.TurnId, cancellationToken)
            ?? throw new InvalidOperationException("The turn could not be added and nothing conflicting was found.");
    }

    public async Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        if (!TurnIds.IsValid(turnId))
        {
            return null;
        }

        var entity = await GetEntityAsync(Partition(userId), TurnRowKeys.Record(turnId), RecordColumns, cancellationToken);
        return entity is null ? null : CompressedJson.Read<TurnRecord>(entity);
    }

    public Task SaveAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var actions = Entities(record, Partition(record.UserId)).Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
        return StorageErrors.RunAsync(() => table.SubmitTransactionAsync(actions, cancellationToken), What);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The cursor was not made by this store (answer 400).</exception>
    public async Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var partition = Partition(userId);
        var filter = cursor is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {TurnRowKeys.ListingPrefix} and RowKey lt {"l}"}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {TurnRowKeys.FromCursor(cursor)} and RowKey lt {"l}"}");

        var take = limit + 1;
        var rows = new List<TableEntity>(Math.Min(take, 256));
        var query = table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(take, 1000), select: [.. CompressedJson.Columns], cancellationToken: cancellationToken);
        await StorageErrors.RunAsync(async () =>
        {
            await foreach (var entity in query)
            {
                rows.Add(entity);
                if (rows.Count == take)
                {
                    break;
                }
            }
        }, What);

        var items = rows.Take(limit).Select(CompressedJson.Read<TurnRecord>).ToList();
        return rows.Count <= limit
            ? new TurnPage(items, null)
            : new TurnPage(items, TurnRowKeys.Cursor(TurnRowKeys.Listing(items[^1].CreatedAt, items[^1].TurnId)));
    }

    /// <inheritdoc />
    /// <remarks>A filter on every partition: the service reads the whole table. Retention runs it once a day.</remarks>
    public IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        QueryRecordsAsync(
            TableClient.CreateQueryFilter($"RowKey ge {TurnRowKeys.RecordPrefix} and RowKey lt {"r}"} and CreatedTicks lt {cutoff.UtcTicks}"),
            cancellationToken);

    public IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken) =>
        QueryRecordsAsync(TableClient.CreateQueryFilter($"RowKey ge {TurnRowKeys.RecordPrefix} and RowKey lt {"r}"}"), cancellationToken);

    public async Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        if (!TurnIds.IsValid(turnId))
        {
            return false;
        }

        var partition = Partition(userId);
        var entity = await GetEntityAsync(partition, TurnRowKeys.Record(turnId), RecordColumns, cancellationToken);
        if (entity is null)
        {
            return false;
        }

        var record = CompressedJson.Read<TurnRecord>(entity);
        var rowKeys = new List<string> { TurnRowKeys.Record(turnId), TurnRowKeys.Listing(record.CreatedAt, turnId) };
        if (record.IdempotencyKey is { } key)
        {
            rowKeys.Add(TurnRowKeys.Key(key));
        }

        await TableRowDeletion.DeleteAsync(table, partition, rowKeys, What, cancellationToken);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Reads the partition a page at a time and deletes each page in transactions of 100; safe to run again.</remarks>
    public async Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken)
    {
        var partition = Partition(userId);
        var deleted = 0;
        var pages = table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            var rowKeys = pager.Current.Values.Select(e => e.RowKey).ToList();
            deleted += rowKeys.Count(k => k.StartsWith(TurnRowKeys.RecordPrefix, StringComparison.Ordinal));
            await TableRowDeletion.DeleteAsync(table, partition, rowKeys, What, cancellationToken);
        }

        return deleted;
    }

    private static string Partition(string userId) => TableKeys.Encode(userId, "user id");

    private static IEnumerable<TableEntity> Entities(TurnRecord record, string partition)
    {
        var entity = new TableEntity(partition, TurnRowKeys.Record(record.TurnId)) { [CreatedTicks] = record.CreatedAt.UtcTicks };
        if (record.IdempotencyKey is not null)
        {
            entity[KeyProperty] = record.IdempotencyKey;
        }

        CompressedJson.Write(entity, record, "turn record");
        yield return entity;

        var listing = new TableEntity(partition, TurnRowKeys.Listing(record.CreatedAt, record.TurnId)) { [CreatedTicks] = record.CreatedAt.UtcTicks };
        CompressedJson.Write(listing, record, "turn record");
        yield return listing;

        if (record.IdempotencyKey is { } key)
        {
            yield return new TableEntity(partition, TurnRowKeys.Key(key)) { [TurnIdProperty] = record.TurnId };
        }
    }

    private async Task<TableEntity?> GetEntityAsync(string partition, string rowKey, IEnumerable<string> columns, CancellationToken cancellationToken)
    {
        var response = await StorageErrors.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, columns, cancellationToken), What);
        return response.HasValue ? response.Value : null;
    }

    private async IAsyncEnumerable<TurnRecord> QueryRecordsAsync(string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: [.. CompressedJson.Columns], cancellationToken: cancellationToken).AsPages();
        await using var pager = pages.GetAsyncEnumerator(cancellationToken);
        while (await StorageErrors.RunAsync(async () => await pager.MoveNextAsync(), What))
        {
            foreach (var entity in pager.Current.Values)
            {
                yield return CompressedJson.Read<TurnRecord>(entity);
            }
        }
    }
}
