using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class BackupPruningAndMetricsTests
{
    [Fact]
    public async Task Run_AfterSuccess_PrunesBackupsOlderThanKeepDaysAndKeepsRecentOnes()
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.KeepDays = 30;
        h.Storage.AddComplete("20261001T031500Z");
        h.Storage.AddComplete("20261023T031459Z");
        h.Storage.AddComplete("20261023T031501Z");
        h.Storage.AddComplete("20261121T031500Z");
        h.Storage.AddComplete("copied-by-hand");
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var backup = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        Assert.Equal(
            ["20261023T031501Z", "20261121T031500Z", backup.BackupId, "copied-by-hand"],
            await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(2, metrics.Sum("voicememory.retention.deleted", "kind", "backup"));
    }

    [Fact]
    public async Task Run_Failure_PrunesNothing()
    {
        var h = new MaintenanceHarness();
        h.Storage.AddComplete("20200101T000000Z");
        h.Storage.AddComplete("20200102T000000Z");
        h.Storage.FailCommit = true;

        await Assert.ThrowsAsync<IOException>(() => h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        Assert.Equal(2, (await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync()).Count);
    }

    [Fact]
    public async Task Run_SuccessAndFailure_RecordRunsByOutcomeAndLastSuccess()
    {
        var h = new MaintenanceHarness();
        using var metrics = new TelemetryRecorder("voicememory.backup.runs", "voicememory.backup.last_success");

        await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(1));
        h.Storage.FailCommit = true;
        await Assert.ThrowsAsync<IOException>(() => h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        Assert.Equal(1, metrics.Sum("voicememory.backup.runs", "outcome", "success"));
        Assert.Equal(1, metrics.Sum("voicememory.backup.runs", "outcome", "failure"));
        Assert.Equal(MaintenanceHarness.Start.ToUnixTimeSeconds(), metrics.Observe("voicememory.backup.last_success"));
    }
}
