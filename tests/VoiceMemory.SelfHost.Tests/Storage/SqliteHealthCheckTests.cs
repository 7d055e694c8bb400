using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteHealthCheckTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task CheckAsync_MigratedDatabase_IsHealthyAndCritical()
    {
        var check = new SqliteHealthCheck(await TestDatabase.CreateAsync(folder));

        var health = await check.CheckAsync(CancellationToken.None);
        var again = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(("database", true), (check.Name, check.Critical));
        Assert.Equal(HealthState.Healthy, health.Status);
        Assert.Equal(HealthState.Healthy, again.Status);
    }

    [Fact]
    public async Task CheckAsync_DatabaseNeverMigrated_IsUnhealthyWithoutPaths()
    {
        var check = new SqliteHealthCheck(new SqliteDatabase(folder.Combine("data", "empty.db")));

        var health = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, health.Status);
        Assert.DoesNotContain(folder.Path, health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_DatabasePathIsAFolder_IsUnhealthy()
    {
        Directory.CreateDirectory(folder.Combine("data", "voicememory.db"));
        var check = new SqliteHealthCheck(new SqliteDatabase(folder.Combine("data", "voicememory.db")));

        var health = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, health.Status);
    }
}
