using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

public sealed class ScheduleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private readonly TempFolder temp = new();
    private readonly ManualTimeProvider time = new(Start);
    private readonly FolderBackupStorage storage;
    private readonly StoreMocks stores = new();

    public ScheduleTests() => storage = new FolderBackupStorage(temp.Combine("backups"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Backup_NoneYet_BacksUpAtStartThenOncePerInterval()
    {
        using var schedule = BackupSchedule(new BackupOptions { Interval = TimeSpan.FromDays(1) }, out _);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => Backups().Count == 1 && time.PendingTimers == 1, "the first backup is taken and the schedule waits");
        time.Advance(TimeSpan.FromHours(23));
        Assert.Single(Backups());
        time.Advance(TimeSpan.FromHours(1));
        await Eventually.WaitUntilAsync(() => Backups().Count == 2 && time.PendingTimers == 1, "the second backup is taken");
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal(["20261122T031500Z", "20261123T031500Z"], Backups());
        Assert.True(schedule.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Backup_AfterRestartWithARecentBackup_WaitsUntilThatOneIsAnIntervalOld()
    {
        await CreateBackupAsync("20261122T021500Z");
        using var schedule = BackupSchedule(new BackupOptions { Interval = TimeSpan.FromDays(1) }, out _);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => time.PendingTimers == 1, "the schedule waits");
        Assert.Equal(["20261122T021500Z"], Backups());
        time.Advance(TimeSpan.FromHours(23) - TimeSpan.FromSeconds(1));
        Assert.Single(Backups());
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.WaitUntilAsync(() => Backups().Count == 2, "the next backup is taken");
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal("20261123T021500Z", Backups()[1]);
    }

    [Fact]
    public async Task Backup_Disabled_DoesNothing()
    {
        using var schedule = BackupSchedule(new BackupOptions { Enabled = false }, out var logger);

        await schedule.StartAsync(CancellationToken.None);
        await schedule.ExecuteTask!;

        Assert.Empty(Backups());
        Assert.False(Directory.Exists(storage.Root));
        Assert.Contains(logger.Entries, e => e.EventId == 7501);
    }

    [Fact]
    public async Task Backup_Fails_IsLoggedAndRetriedAfterFifteenMinutes()
    {
        var calls = 0;
        stores.Turns.Setup(t => t.ExportAsync(It.IsAny<CancellationToken>()))
            .Returns(() => Interlocked.Increment(ref calls) == 1 ? Throwing() : AsyncEnumerable.Empty<TurnRecord>());
        using var schedule = BackupSchedule(new BackupOptions { Interval = TimeSpan.FromDays(1) }, out var logger);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => logger.Entries.Any(e => e.EventId == 7502) && time.PendingTimers == 1, "the failure is logged and a retry is scheduled");
        Assert.Empty(Backups());
        Assert.False(schedule.ExecuteTask!.IsCompleted);
        time.Advance(TimeSpan.FromMinutes(15));
        await Eventually.WaitUntilAsync(() => Backups().Count == 1, "the retry succeeds");
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal("20261122T033000Z", Backups()[0]);
    }

    [Fact]
    public async Task Retention_RunsAtStartAndEveryInterval()
    {
        stores.Audio.Setup(a => a.ListAsync(AudioKeys.InputPrefix, It.IsAny<CancellationToken>()))
            .Returns(() => new[] { new StoredAudio("input/u1/t1.wav", 10, Start.AddDays(-40)) }.ToAsyncEnumerable());
        using var schedule = RetentionSchedule(new RetentionOptions { Interval = TimeSpan.FromDays(1) }, out _);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => DeletedAudio() == 1 && time.PendingTimers == 1, "retention ran once");
        time.Advance(TimeSpan.FromDays(1));
        await Eventually.WaitUntilAsync(() => DeletedAudio() == 2 && time.PendingTimers == 1, "retention ran again");
        await schedule.StopAsync(CancellationToken.None);

        Assert.True(schedule.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Retention_Disabled_DoesNothing()
    {
        using var schedule = RetentionSchedule(new RetentionOptions { Enabled = false }, out var logger);

        await schedule.StartAsync(CancellationToken.None);
        await schedule.ExecuteTask!;

        stores.Audio.Verify(a => a.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains(logger.Entries, e => e.EventId == 7511);
    }

    [Fact]
    public async Task Retention_Fails_IsLoggedAndTheScheduleGoesOn()
    {
        stores.Audio.Setup(a => a.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Throws(new IOException("disk"));
        using var schedule = RetentionSchedule(new RetentionOptions { Interval = TimeSpan.FromHours(6) }, out var logger);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => logger.Entries.Count(e => e.EventId == 7512) == 1 && time.PendingTimers == 1, "the failure is logged");
        time.Advance(TimeSpan.FromHours(6));
        await Eventually.WaitUntilAsync(() => logger.Entries.Count(e => e.EventId == 7512) == 2, "it runs again");
        await schedule.StopAsync(CancellationToken.None);

        Assert.True(schedule.ExecuteTask!.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Health_RunsAtStartAndEveryInterval()
    {
        var check = new CountingCheck();
        var probe = new HealthProbe([check], Options.Create(new HealthOptions()), time, NullLogger<HealthProbe>.Instance);
        using var schedule = new HealthProbeSchedule(probe, Options.Create(new HealthOptions { Interval = TimeSpan.FromMinutes(5) }), time, NullLogger<HealthProbeSchedule>.Instance);

        await schedule.StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => probe.Latest is not null && time.PendingTimers == 1, "the first probe ran");
        Assert.Equal(Start, probe.Latest!.CheckedAt);
        time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.WaitUntilAsync(() => check.Calls == 2 && probe.Latest!.CheckedAt == Start.AddMinutes(5) && time.PendingTimers == 1, "the second probe ran");
        await schedule.StopAsync(CancellationToken.None);

        Assert.Equal(2, check.Calls);
        Assert.True(schedule.ExecuteTask!.IsCompletedSuccessfully);
    }

    private BackupSchedule BackupSchedule(BackupOptions options, out ListLogger<BackupSchedule> logger)
    {
        logger = new ListLogger<BackupSchedule>();
        var service = new BackupService(stores.Turns.Object, stores.Memory.Object, stores.Audio.Object, storage, Options.Create(options), time, NullLogger<BackupService>.Instance, stores.Users.Object);
        return new BackupSchedule(service, storage, Options.Create(options), time, logger);
    }

    private RetentionSchedule RetentionSchedule(RetentionOptions options, out ListLogger<RetentionSchedule> logger)
    {
        logger = new ListLogger<RetentionSchedule>();
        var service = new RetentionService(stores.Turns.Object, stores.Audio.Object, storage, Options.Create(options), Options.Create(new BackupOptions()), time, NullLogger<RetentionService>.Instance);
        return new RetentionSchedule(service, Options.Create(options), time, logger);
    }

    private List<string> Backups() => storage.ListBackupsAsync(CancellationToken.None).ToListAsync().AsTask().GetAwaiter().GetResult();

    private int DeletedAudio() => stores.Audio.Invocations.Count(i => i.Method.Name == nameof(IAudioStore.DeleteAsync));

    private async Task CreateBackupAsync(string id)
    {
        using var content = new MemoryStream([1]);
        await storage.WriteFileAsync(id, "manifest.json", content, CancellationToken.None);
        await storage.CommitAsync(id, CancellationToken.None);
    }

    private static async IAsyncEnumerable<TurnRecord> Throwing()
    {
        await Task.Yield();
        throw new IOException("database is locked");
#pragma warning disable CS0162 // An iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    private sealed class CountingCheck : IDependencyCheck
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public string Name => "counting";

        public bool Critical => false;

        public Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(DependencyHealth.Healthy("ok"));
        }
    }
}
