using Azure.Data.Tables;
using Azure.Storage.Blobs;
using VoiceMemory.Functions.Storage;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>
/// The Azurite that scripts/test.sh starts (its connection string in VOICEMEMORY_TEST_STORAGE). Without it the storage
/// tests fail with a message saying how to start it; they never skip. Every call to <see cref="NewLayout"/> gives fresh,
/// uniquely named containers and tables, so test classes (and tests) can run in parallel without sharing data.
/// </summary>
internal static class Azurite
{
    public const string Variable = "VOICEMEMORY_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: these tests need a real Azurite. Start it with: source scripts/azurite.sh; azurite_start " +
                "(run 'npm ci' once first), or run the whole suite with bash scripts/test.sh.");

    public static AzureStorageOptions Options => new() { ConnectionString = ConnectionString, MaxRetries = 2 };

    public static BlobServiceClient Blobs(params Azure.Core.Pipeline.HttpPipelinePolicy[] policies) =>
        AzureStorageClients.CreateBlobServiceClient(Options, () => throw new InvalidOperationException("Azurite uses its shared key."), policies);

    public static TableServiceClient Tables(params Azure.Core.Pipeline.HttpPipelinePolicy[] policies) =>
        AzureStorageClients.CreateTableServiceClient(Options, () => throw new InvalidOperationException("Azurite uses its shared key."), policies);

    /// <summary>A layout of names no other test uses, already created.</summary>
    public static async Task<AzureStorageLayout> NewLayoutAsync(BlobServiceClient? blobs = null, TableServiceClient? tables = null)
    {
        var layout = NewLayout();
        await new AzureStorageInitializer(blobs ?? Blobs(), tables ?? Tables(), layout).EnsureCreatedAsync(CancellationToken.None);
        return layout;
    }

    public static AzureStorageLayout NewLayout() => AzureStorageLayout.WithPrefix("t" + Guid.NewGuid().ToString("N")[..12]);
}
