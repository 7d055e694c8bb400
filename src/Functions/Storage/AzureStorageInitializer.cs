using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Creates the containers and tables of a <see cref="AzureStorageLayout"/> when they are missing (the infrastructure
/// normally has), so a fresh Azurite or a new account works at once. Idempotent; two requests per name.
/// </summary>
public sealed class AzureStorageInitializer(BlobServiceClient blobs, TableServiceClient tables, AzureStorageLayout layout)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var container in layout.Containers)
        {
            await StorageErrors.RunAsync(() => blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken), "the containers");
        }

        foreach (var table in layout.Tables)
        {
            await StorageErrors.RunAsync(() => tables.GetTableClient(table).CreateIfNotExistsAsync(cancellationToken), "the tables");
        }
    }
}
