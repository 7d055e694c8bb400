using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

public sealed class MaintenanceServiceCollectionExtensionsTests
{
    [Fact]
    public void AddVoiceMemoryMaintenance_BindsOptionsAndResolvesEveryService()
    {
        using var provider = Build(new()
        {
            ["VoiceMemory:Backup:KeepDays"] = "7",
            ["VoiceMemory:Backup:EncryptionKey"] = Convert.ToBase64String(new byte[32]),
            ["VoiceMemory:Retention:ReplyAudioDays"] = "3",
            ["VoiceMemory:Health:CheckTimeoutSeconds"] = "4",
        });

        Assert.Equal(7, provider.GetRequiredService<IOptions<BackupOptions>>().Value.KeepDays);
        Assert.Equal(3, provider.GetRequiredService<IOptions<RetentionOptions>>().Value.ReplyAudioDays);
        Assert.Equal(4, provider.GetRequiredService<IOptions<HealthOptions>>().Value.CheckTimeoutSeconds);
        Assert.NotNull(provider.GetRequiredService<BackupService>());
        Assert.NotNull(provider.GetRequiredService<RestoreService>());
        Assert.NotNull(provider.GetRequiredService<RetentionService>());
        Assert.Same(provider.GetRequiredService<HealthProbe>(), provider.GetRequiredService<HealthProbe>());
        Assert.Equal(["backup", "storage"], provider.GetServices<IDependencyCheck>().Select(c => c.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("VoiceMemory:Backup:EncryptionKey", "c2hvcnQ=", "EncryptionKey")]
    [InlineData("VoiceMemory:Backup:EncryptionKey", "not base64 at all", "EncryptionKey")]
    [InlineData("VoiceMemory:Backup:KeepDays", "0", "KeepDays")]
    [InlineData("VoiceMemory:Retention:TurnDays", "0", "TurnDays")]
    [InlineData("VoiceMemory:Health:CheckTimeoutSeconds", "0", "CheckTimeoutSeconds")]
    public void AddVoiceMemoryMaintenance_InvalidSetting_FailsValidationAtStart(string key, string value, string mentioned)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(mentioned, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AddVoiceMemoryMaintenance_CalledTwice_RegistersEachCheckOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddVoiceMemoryMaintenance(configuration);
        services.AddVoiceMemoryMaintenance(configuration);

        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IDependencyCheck)));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITurnStore, InMemoryTurnStore>();
        services.AddSingleton<IMemoryStore, InMemoryMemoryStore>();
        services.AddSingleton<IUserStore, InMemoryUserStore>();
        services.AddSingleton<IAudioStore>(new InMemoryAudioStore(TimeProvider.System));
        services.AddSingleton<IBackupStorage, InMemoryBackupStorage>();
        services.AddVoiceMemoryMaintenance(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
