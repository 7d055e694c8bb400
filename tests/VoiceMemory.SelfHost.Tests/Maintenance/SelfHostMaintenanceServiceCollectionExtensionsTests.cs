using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

public sealed class SelfHostMaintenanceServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void AddSelfHostMaintenance_DefaultFolder_IsBackupsUnderTheDataRoot()
    {
        using var provider = Build(new() { ["VoiceMemory:DataRoot"] = temp.Combine("data") });

        var storage = Assert.IsType<FolderBackupStorage>(provider.GetRequiredService<IBackupStorage>());

        Assert.Equal(temp.Combine("data", "backups"), storage.Root);
        Assert.Equal(["backup", "disk", "storage"], provider.GetServices<IDependencyCheck>().Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.NotNull(provider.GetRequiredService<HealthProbe>());
        Assert.NotNull(provider.GetRequiredService<BackupService>());
        Assert.Empty(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void AddSelfHostMaintenance_FolderConfigured_UsesIt()
    {
        using var provider = Build(new() { ["VoiceMemory:DataRoot"] = temp.Combine("data"), ["VoiceMemory:Backup:Folder"] = temp.Combine("elsewhere") });

        Assert.Equal(temp.Combine("elsewhere"), Assert.IsType<FolderBackupStorage>(provider.GetRequiredService<IBackupStorage>()).Root);
    }

    [Fact]
    public void AddSelfHostMaintenanceSchedules_RegistersTheThreeSchedulesOnce()
    {
        var services = new ServiceCollection();
        services.AddSelfHostMaintenanceSchedules();
        services.AddSelfHostMaintenanceSchedules();

        Assert.Equal(
            [typeof(BackupSchedule), typeof(HealthProbeSchedule), typeof(RetentionSchedule)],
            services.Where(d => d.ServiceType == typeof(IHostedService)).Select(d => d.ImplementationType!).OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var stores = new StoreMocks();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(stores.Turns.Object);
        services.AddSingleton(stores.Memory.Object);
        services.AddSingleton(stores.Users.Object);
        services.AddSingleton(stores.Audio.Object);
        services.AddSelfHostMaintenance(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
