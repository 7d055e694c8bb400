using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;

namespace VoiceMemory.Maintenance;

/// <summary>Registers backup, restore, retention and the health probe for either host.</summary>
public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates (at start) <see cref="BackupOptions"/>, <see cref="RetentionOptions"/> and
    /// <see cref="HealthOptions"/> from <paramref name="configuration"/> (the root configuration); registers
    /// <see cref="BackupService"/>, <see cref="RestoreService"/>, <see cref="RetentionService"/>, <see cref="HealthProbe"/>
    /// (singletons) and the <see cref="StorageCanaryCheck"/> and <see cref="BackupAgeCheck"/> checks. The host registers
    /// <see cref="IBackupStorage"/>, the stores, and any <see cref="IRetentionExtension"/> and further checks.
    /// </summary>
    public static IServiceCollection AddVoiceMemoryMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BackupOptions>().Bind(configuration.GetSection(BackupOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>());
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BackupService>();
        services.TryAddSingleton<RestoreService>();
        services.TryAddSingleton<RetentionService>();
        services.TryAddSingleton<HealthProbe>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, StorageCanaryCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, BackupAgeCheck>());
        return services;
    }
}
