using Moq;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

public sealed class DependencyCheckTests
{
    [Fact]
    public async Task StorageCanary_WorkingStore_HealthyAndLeavesNothingBehind()
    {
        var audio = new InMemoryAudioStore(TimeProvider.System);
        var check = new StorageCanaryCheck(audio);

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Healthy, result.Status);
        Assert.Equal(("storage", true), (check.Name, check.Critical));
        Assert.Equal(2, audio.Writes);
        Assert.Empty(audio.Keys);
    }

    [Fact]
    public async Task StorageCanary_StoreReturnsOtherBytes_UnhealthyAndCanaryDeleted()
    {
        var audio = new Mock<IAudioStore>();
        string? savedKey = null;
        audio.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback<string, Stream, string, CancellationToken>((key, _, _, _) => savedKey = key)
            .ReturnsAsync(new AudioRef("k", "application/octet-stream", 32));
        audio.Setup(a => a.OpenReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(() => new MemoryStream(new byte[32]));
        audio.Setup(a => a.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await new StorageCanaryCheck(audio.Object).CheckAsync(CancellationToken.None);

        Assert.Equal(DependencyHealth.Unhealthy("canary read back different bytes"), result);
        Assert.Matches("^health/canary-[0-9a-f]{32}\\.bin$", savedKey);
        audio.Verify(a => a.DeleteAsync(savedKey!, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StorageCanary_ReadFails_ThrowsAndStillDeletesTheCanary()
    {
        var audio = new Mock<IAudioStore>();
        audio.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new AudioRef("k", "x", 32));
        audio.Setup(a => a.OpenReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("disk"));

        await Assert.ThrowsAsync<IOException>(() => new StorageCanaryCheck(audio.Object).CheckAsync(CancellationToken.None));

        audio.Verify(a => a.DeleteAsync(It.Is<string>(k => k.StartsWith("health/", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StorageCanary_CanaryVanishes_Unhealthy()
    {
        var audio = new Mock<IAudioStore>();
        audio.Setup(a => a.SaveAsync(It.IsAny<string>(), It.IsAny<Stream>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new AudioRef("k", "x", 32));
        audio.Setup(a => a.OpenReadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync((Stream?)null);

        var result = await new StorageCanaryCheck(audio.Object).CheckAsync(CancellationToken.None);

        Assert.Equal(DependencyHealth.Unhealthy("canary written but not found"), result);
    }

    [Fact]
    public async Task BackupAge_NoBackupWhileEnabled_Degraded()
    {
        var (check, storage, _) = BackupAge();
        storage.AddPending("20261122T031000Z");

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(DependencyHealth.Degraded("no backup yet"), result);
        Assert.Equal(("backup", false), (check.Name, check.Critical));
    }

    [Fact]
    public async Task BackupAge_RecentBackup_HealthyWithTheAge()
    {
        var (check, storage, _) = BackupAge();
        storage.AddComplete("20261120T031500Z");
        storage.AddComplete("20261121T154500Z");

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(DependencyHealth.Healthy("last backup 11.5 h ago"), result);
    }

    [Fact]
    public async Task BackupAge_NewestOlderThanTheLimit_Degraded()
    {
        var (check, storage, _) = BackupAge();
        storage.AddComplete("20261121T011459Z");

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Degraded, result.Status);
        Assert.Equal("last backup 26.0 h ago (limit 26 h)", result.Detail);
    }

    [Fact]
    public async Task BackupAge_BackupsDisabled_Healthy()
    {
        var (check, _, options) = BackupAge();
        options.Enabled = false;

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(DependencyHealth.Healthy("backups are disabled"), result);
    }

    private static (BackupAgeCheck Check, InMemoryBackupStorage Storage, BackupOptions Options) BackupAge()
    {
        var storage = new InMemoryBackupStorage();
        var backup = new BackupOptions();
        var check = new BackupAgeCheck(storage, Options.Create(new HealthOptions { MaxBackupAgeHours = 26 }), Options.Create(backup), new ManualTimeProvider(MaintenanceHarness.Start));
        return (check, storage, backup);
    }
}
