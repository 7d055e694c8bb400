using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>Wires the self-host storage: SQLite stores, file audio and journal, the runner's job store and the database health check.</summary>
public static class SelfHostStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteDatabase"/> (at <see cref="SelfHostOptions.DatabasePath"/>), the stores as singletons
    /// for their ports, <see cref="SqliteJobStore"/> and <see cref="SqliteHealthCheck"/>. Binding
    /// <see cref="SelfHostOptions"/> to configuration is the host's job; call
    /// <see cref="MigrateVoiceMemoryDatabaseAsync"/> before serving.
    /// </summary>
    public static IServiceCollection AddSelfHostStorage(this IServiceCollection services)
    {
        services.AddOptions<SelfHostOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteDatabase(Options(sp).DatabasePath));
        services.TryAddSingleton<ITurnStore>(sp => new SqliteTurnStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IUserStore>(sp => new SqliteUserStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IMemoryStore>(sp => new SqliteMemoryStore(sp.GetRequiredService<SqliteDatabase>(), Options(sp).JournalRoot));
        services.TryAddSingleton<IAudioStore>(sp => new FileAudioStore(Options(sp).AudioRoot));
        services.TryAddSingleton(sp => new SqliteJobStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, SqliteHealthCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<VoiceMemory.Api.IUserDataScrubber, SqliteScrubber>());
        return services;
    }

    /// <summary>Creates or upgrades the database schema; run once at start-up (and by the CLI) before anything uses a store.</summary>
    public static Task MigrateVoiceMemoryDatabaseAsync(this IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<SqliteDatabase>().MigrateAsync(ct);

    private static SelfHostOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SelfHostOptions>>().Value;
}
