using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>Settings are validated at start with messages naming what to set; storage failures surface as the stable codes.</summary>
public sealed class AzureStorageConfigurationTests
{
    [Theory]
    [InlineData(null, null, null, "not configured")]
    [InlineData("https://a.blob.core.windows.net/", null, null, "not configured")]
    [InlineData("https://a.blob.core.windows.net/", "https://a.table.core.windows.net/", "UseDevelopmentStorage=true", "configured twice")]
    [InlineData("http://a.blob.core.windows.net/", "https://a.table.core.windows.net/", null, "must be an absolute https URI")]
    public void AddVoiceMemoryAzureStorage_MissingOrContradictorySettings_FailAtStartNamingTheSettings(string? blob, string? table, string? connection, string expected)
    {
        using var provider = Provider(blob, table, connection);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AzureStorageOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceMemory__Storage__", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddVoiceMemoryAzureStorage_ServiceUris_RegistersKeylessClientsStoresAndChecks()
    {
        using var provider = Provider("https://acct.blob.core.windows.net/", "https://acct.table.core.windows.net/", null);

        var blobs = provider.GetRequiredService<BlobServiceClient>();
        Assert.Same(blobs, provider.GetRequiredService<BlobServiceClient>());
        Assert.Equal("acct", blobs.AccountName);
        Assert.False(blobs.GetBlobContainerClient("audio").GetBlobClient("x").CanGenerateSasUri);
        Assert.Equal("acct", provider.GetRequiredService<TableServiceClient>().AccountName);
        Assert.IsType<BlobAudioStore>(provider.GetRequiredService<IAudioStore>());
        Assert.IsType<TableTurnStore>(provider.GetRequiredService<ITurnStore>());
        Assert.IsType<TableMemoryStore>(provider.GetRequiredService<IMemoryStore>());
        Assert.IsType<BlobBackupStorage>(provider.GetRequiredService<IBackupStorage>());
        Assert.Equal(["storage", "tables"], provider.GetServices<IDependencyCheck>().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(503, "ServerBusy", ErrorCodes.StorageUnavailable, true)]
    [InlineData(500, "InternalError", ErrorCodes.StorageUnavailable, true)]
    [InlineData(429, "", ErrorCodes.StorageUnavailable, true)]
    [InlineData(0, "", ErrorCodes.StorageUnavailable, true)]
    [InlineData(403, "AuthorizationPermissionMismatch", ErrorCodes.StorageUnavailable, true)]
    [InlineData(404, "TableNotFound", ErrorCodes.StorageUnavailable, true)]
    [InlineData(409, "BlockCountExceedsLimit", ErrorCodes.StorageFull, false)]
    [InlineData(413, "RequestBodyTooLarge", ErrorCodes.StorageFull, false)]
    [InlineData(400, "EntityTooLarge", ErrorCodes.StorageFull, false)]
    public void Translate_StorageFailure_IsTheStableCode(int status, string code, string expected, bool transient)
    {
        var typed = StorageErrors.Translate(new RequestFailedException(status, "failed", code, null), "turns");

        Assert.NotNull(typed);
        Assert.Equal((expected, transient), (typed!.Code, typed.IsTransient));
    }

    [Theory]
    [InlineData(404, "BlobNotFound")]
    [InlineData(409, "EntityAlreadyExists")]
    [InlineData(412, "ConditionNotMet")]
    public void Translate_ConditionTheCallerHandles_IsLeftAlone(int status, string code) =>
        Assert.Null(StorageErrors.Translate(new RequestFailedException(status, "failed", code, null), "turns"));

    [Fact]
    public async Task Stores_StorageUnreachable_FailWithStorageUnavailableAfterBoundedRetries()
    {
        // A loopback port nobody listens on: every try is refused at once; the SDK retries (bounded), then the code.
        var connection = new AzureStorageOptions { ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;", MaxRetries = 1 };
        var turns = new TableTurnStore(AzureStorageClients.CreateTableServiceClient(connection, () => throw new InvalidOperationException()), "turns");
        var audio = new BlobAudioStore(AzureStorageClients.CreateBlobServiceClient(connection, () => throw new InvalidOperationException()), "audio", TimeProvider.System);

        var turnError = await Assert.ThrowsAsync<VoiceMemoryException>(() => turns.GetAsync("u1", "t1", CancellationToken.None));
        var audioError = await Assert.ThrowsAsync<VoiceMemoryException>(() => audio.ExistsAsync("input/u1/t1.wav", CancellationToken.None));

        Assert.Equal((ErrorCodes.StorageUnavailable, true), (turnError.Code, turnError.IsTransient));
        Assert.Equal((ErrorCodes.StorageUnavailable, true), (audioError.Code, audioError.IsTransient));
    }

    private static ServiceProvider Provider(string? blob, string? table, string? connection)
    {
        var settings = new Dictionary<string, string?>
        {
            ["VoiceMemory:Storage:BlobServiceUri"] = blob,
            ["VoiceMemory:Storage:TableServiceUri"] = table,
            ["VoiceMemory:Storage:ConnectionString"] = connection,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVoiceMemoryAzureStorage(configuration);
        return services.BuildServiceProvider();
    }
}
