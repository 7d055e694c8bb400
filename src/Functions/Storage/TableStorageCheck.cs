using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Critical check <c>tables</c>: writes a random canary entity to the health table, reads it back, compares and
/// deletes it (the Blob side is the shared <see cref="StorageCanaryCheck"/>, <c>storage</c>, through the audio store).
/// Each run uses its own row, so concurrent runs do not disturb each other.
/// </summary>
public sealed class TableStorageCheck(TableServiceClient service, AzureStorageLayout layout) : IDependencyCheck
{
    private const string Partition = "canary";

    private readonly TableClient table = service.GetTableClient(layout.HealthTable);

    public string Name => "tables";

    public bool Critical => true;

    public async Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var rowKey = Guid.NewGuid().ToString("N");
        var payload = RandomNumberGenerator.GetBytes(32);
        await StorageErrors.RunAsync(() => table.AddEntityAsync(new TableEntity(Partition, rowKey) { ["Payload"] = payload }, cancellationToken), "the health canary");
        try
        {
            var read = await StorageErrors.RunAsync(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken), "the health canary");
            if (!read.HasValue)
            {
                return DependencyHealth.Unhealthy("canary written but not found");
            }

            return read.Value!.GetBinary("Payload") is { } stored && stored.AsSpan().SequenceEqual(payload)
                ? DependencyHealth.Healthy("canary entity written, read back and deleted")
                : DependencyHealth.Unhealthy("canary read back different bytes");
        }
        finally
        {
            await StorageErrors.RunAsync(() => table.DeleteEntityAsync(Partition, rowKey, ETag.All, CancellationToken.None), "the health canary");
        }
    }
}
