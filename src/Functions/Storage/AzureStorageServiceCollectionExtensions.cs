using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Http;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;

namespace VoiceMemory.Functions.Storage;

/// <summary>Wires the Azure host's storage: Blob and Table clients, the stores for every storage port, and the health checks.</summary>
public static class AzureStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) <see cref="AzureStorageOptions"/> (<c>VoiceMemory:Storage</c>) and
    /// <see cref="IdentityOptions"/>; registers singleton <see cref="BlobServiceClient"/> and <see cref="TableServiceClient"/>
    /// (service URIs + managed identity, or a connection string), <see cref="IAudioStore"/>, <see cref="ITurnStore"/>,
    /// <see cref="IMemoryStore"/>, <see cref="IBackupStorage"/>, the <c>storage</c> (blob) and <c>tables</c> canaries, and a
    /// start-up step that creates missing containers and tables. Erasing a user needs nothing more: the stores'
    /// <c>DeleteUserAsync</c>/<c>EraseUserAsync</c>/<c>DeletePrefixAsync</c> (called by <c>UserDataService</c>) remove
    /// every entity of the user's partitions and every blob under the user's prefixes, paged and re-runnable.
    /// </summary>
    public static IServiceCollection AddVoiceMemoryAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AzureStorageOptions>().Bind(configuration.GetSection(AzureStorageOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureStorageOptions>, AzureStorageOptionsValidator>());
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(AzureStorageLayout.Default);

        services.TryAddSingleton(sp => AzureStorageClients.CreateBlobServiceClient(StorageOptions(sp), () => Credential(sp)));
        services.TryAddSingleton(sp => AzureStorageClients.CreateTableServiceClient(StorageOptions(sp), () => Credential(sp)));
        services.TryAddSingleton(sp => new AzureStorageInitializer(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<AzureStorageLayout>()));
        services.AddHostedService<AzureStorageStartup>();

        services.TryAddSingleton<IAudioStore>(sp => new BlobAudioStore(sp.GetRequiredService<BlobServiceClient>(), Layout(sp).AudioContainer, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITurnStore>(sp => new TableTurnStore(sp.GetRequiredService<TableServiceClient>(), Layout(sp).TurnsTable));
        services.TryAddSingleton<IMemoryStore>(sp => new TableMemoryStore(
            sp.GetRequiredService<TableServiceClient>(), Layout(sp).FactsTable, sp.GetRequiredService<BlobServiceClient>(), Layout(sp).JournalContainer));
        services.TryAddSingleton<IBackupStorage>(sp => new BlobBackupStorage(sp.GetRequiredService<BlobServiceClient>(), Layout(sp).BackupsContainer));

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, StorageCanaryCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, TableStorageCheck>());
        return services;
    }

    private static AzureStorageOptions StorageOptions(IServiceProvider services) => services.GetRequiredService<IOptions<AzureStorageOptions>>().Value;

    private static AzureStorageLayout Layout(IServiceProvider services) => services.GetRequiredService<AzureStorageLayout>();

    private static Azure.Core.TokenCredential Credential(IServiceProvider services) =>
        AzureCredentialFactory.Create(services.GetRequiredService<IOptions<IdentityOptions>>().Value, Environment.GetEnvironmentVariable);
}
