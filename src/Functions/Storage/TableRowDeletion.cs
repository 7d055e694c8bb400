using Azure;
using Azure.Data.Tables;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Deletes rows of one partition in entity-group transactions (at most 100 rows each). A row already gone (a concurrent
/// erase, a second run after a crash) fails its transaction, and that chunk is then deleted row by row, where a missing
/// row is not an error; storage failures become the stable storage codes.
/// </summary>
internal static class TableRowDeletion
{
    private const int BatchLimit = 100;

    public static async Task DeleteAsync(TableClient table, string partition, IReadOnlyList<string> rowKeys, string what, CancellationToken cancellationToken)
    {
        foreach (var chunk in rowKeys.Chunk(BatchLimit))
        {
            var actions = chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rk), ETag.All)).ToList();
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                foreach (var rk in chunk)
                {
                    await StorageErrors.RunAsync(() => table.DeleteEntityAsync(partition, rk, ETag.All, cancellationToken), what);
                }
            }
            catch (RequestFailedException ex) when (StorageErrors.Translate(ex, what) is { } typed)
            {
                throw typed;
            }
            catch (AggregateException ex) when (StorageErrors.Translate(ex, what) is { } typed)
            {
                throw typed;
            }
        }
    }
}
