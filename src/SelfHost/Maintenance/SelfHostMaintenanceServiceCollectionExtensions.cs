using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Configuration;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>Self-host maintenance wiring: folder backups, the disk check, and (for the server only) the schedules.</summary>
public static class SelfHostMaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="MaintenanceServiceCollectionExtensions.AddVoiceMemoryMaintenance"/> plus <see cref="FolderBackupStorage"/>
    /// at <see cref="BackupOptions.Folder"/> (default <c>{DataRoot}/backups</c>) and <see cref="DiskSpaceCheck"/>. Safe for
    /// CLI commands: it starts nothing.
    /// </summary>
    public static IServiceCollection AddSelfHostMaintenance(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddVoiceMemoryMaintenance(configuration);
        services.AddOptions<SelfHostOptions>().Bind(configuration.GetSection(SelfHostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IBackupStorage>(sp => new FolderBackupStorage(FolderBackupStorage.ResolveRoot(
            sp.GetRequiredService<IOptions<SelfHostOptions>>().Value,
            sp.GetRequiredService<IOptions<BackupOptions>>().Value)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDependencyCheck, DiskSpaceCheck>());
        return services;
    }

    /// <summary>
    /// The background schedules of the server process: <see cref="HealthProbeSchedule"/>, <see cref="BackupSchedule"/> and
    /// <see cref="RetentionSchedule"/> (each honours its options' Enabled flag). Not for CLI commands.
    /// </summary>
    public static IServiceCollection AddSelfHostMaintenanceSchedules(this IServiceCollection services)
    {
        services.AddHostedService<HealthProbeSchedule>();
        services.AddHostedService<BackupSchedule>();
        services.AddHostedService<RetentionSchedule>();
        return services;
    }
}
