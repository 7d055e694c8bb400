using Azure.Core.Pipeline;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>The Azure adapters on Azurite, in freshly named containers and tables, optionally with a <see cref="RequestCounter"/> on both clients.</summary>
public sealed record AzureStores(ITurnStore Turns, IMemoryStore Memory, IAudioStore Audio)
{
    public static async Task<AzureStores> CreateAsync(string connectionString, RequestCounter? counter, CancellationToken cancellationToken)
    {
        var options = new AzureStorageOptions { ConnectionString = connectionString };
        HttpPipelinePolicy[] blobPolicies = counter is null ? [] : [counter];
        HttpPipelinePolicy[] tablePolicies = counter is null ? [] : [counter.ForTables];
        var blobs = AzureStorageClients.CreateBlobServiceClient(options, () => throw new InvalidOperationException("Azurite uses its shared key."), blobPolicies);
        var tables = AzureStorageClients.CreateTableServiceClient(options, () => throw new InvalidOperationException("Azurite uses its shared key."), tablePolicies);
        var layout = AzureStorageLayout.WithPrefix("bench" + Guid.NewGuid().ToString("N")[..10]);
        await new AzureStorageInitializer(blobs, tables, layout).EnsureCreatedAsync(cancellationToken);
        return new AzureStores(
            new TableTurnStore(tables, layout.TurnsTable),
            new TableMemoryStore(tables, layout.FactsTable, blobs, layout.JournalContainer),
            new BlobAudioStore(blobs, layout.AudioContainer, TimeProvider.System));
    }
}
