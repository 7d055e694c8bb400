using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// Builds the Blob and Table service clients (singletons) from validated <see cref="AzureStorageOptions"/>: the service
/// URIs with <paramref name="credential"/> (keyless), or the connection string. Both use the SDK's bounded exponential
/// retry; <paramref name="policies"/> (e.g. the benchmark's request counter) are added per retry, so they see every
/// request that goes on the wire.
/// </summary>
public static class AzureStorageClients
{
    public static BlobServiceClient CreateBlobServiceClient(AzureStorageOptions options, Func<TokenCredential> credential, params HttpPipelinePolicy[] policies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        var clientOptions = new BlobClientOptions();
        Configure(clientOptions, options, policies);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new BlobServiceClient(options.BlobServiceUri ?? throw Missing("BlobServiceUri"), credential(), clientOptions)
            : new BlobServiceClient(options.ConnectionString, clientOptions);
    }

    public static TableServiceClient CreateTableServiceClient(AzureStorageOptions options, Func<TokenCredential> credential, params HttpPipelinePolicy[] policies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        var clientOptions = new TableClientOptions();
        Configure(clientOptions, options, policies);
        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? new TableServiceClient(options.TableServiceUri ?? throw Missing("TableServiceUri"), credential(), clientOptions)
            : new TableServiceClient(options.ConnectionString, clientOptions);
    }

    private static void Configure(ClientOptions clientOptions, AzureStorageOptions options, HttpPipelinePolicy[] policies)
    {
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(200);
        clientOptions.Retry.MaxDelay = TimeSpan.FromSeconds(5);
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        foreach (var policy in policies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        }
    }

    private static InvalidOperationException Missing(string name) =>
        new($"VoiceMemory__Storage__{name} is not set (and there is no connection string).");
}
