using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class RetentionServiceTests
{
    private static readonly DateTimeOffset Origin = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_Audio_DeletesExactlyWhatIsPastEachLimit()
    {
        var h = new MaintenanceHarness(new ManualTimeProvider(Origin));
        var now = Origin.AddDays(100);
        await SaveAudioAtAsync(h, now.AddDays(-60), "health/canary-x.bin");
        await SaveAudioAtAsync(h, now.AddDays(-31), "input/u1/a.wav");
        await SaveAudioAtAsync(h, now.AddDays(-30).AddSeconds(-1), "input/u1/b.wav");
        await SaveAudioAtAsync(h, now.AddDays(-30), "input/u1/c.wav");
        await SaveAudioAtAsync(h, now.AddDays(-8), "reply/u1/a.mp3");
        await SaveAudioAtAsync(h, now.AddDays(-7).AddSeconds(-1), "reply/u1/b.mp3");
        await SaveAudioAtAsync(h, now.AddDays(-7), "reply/u1/c.mp3");
        await SaveAudioAtAsync(h, now.AddDays(-1), "input/u2/d.wav");
        h.Time.SetUtcNow(now);
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var result = await h.Retention().RunAsync(CancellationToken.None);

        Assert.Equal((2, 2, 0, 0), (result.InputAudio, result.ReplyAudio, result.Turns, result.Backups));
        Assert.Equal(["health/canary-x.bin", "input/u1/c.wav", "input/u2/d.wav", "reply/u1/c.mp3"], h.Audio.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, metrics.Sum("voicememory.retention.deleted", "kind", "input_audio"));
        Assert.Equal(2, metrics.Sum("voicememory.retention.deleted", "kind", "reply_audio"));
        Assert.Equal(0, metrics.Sum("voicememory.retention.deleted", "kind", "turn"));
    }

    [Fact]
    public async Task Run_Turns_DeletesTurnsPastTheLimitWithTheirAudio()
    {
        var h = new MaintenanceHarness(new ManualTimeProvider(Origin));
        h.RetentionOptions.InputAudioDays = 3650;
        h.RetentionOptions.ReplyAudioDays = 3650;
        h.RetentionOptions.TurnDays = 365;
        var now = Origin.AddDays(400);
        h.Time.SetUtcNow(now);
        await AddTurnAsync(h, "old", now.AddDays(-365).AddTicks(-1), withAudio: true);
        await AddTurnAsync(h, "typed-old", now.AddDays(-400), withAudio: false);
        await AddTurnAsync(h, "edge", now.AddDays(-365), withAudio: true);
        await AddTurnAsync(h, "new", now.AddDays(-1), withAudio: true);
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var result = await h.Retention().RunAsync(CancellationToken.None);

        Assert.Equal((1, 1, 2, 0), (result.InputAudio, result.ReplyAudio, result.Turns, result.Backups));
        Assert.Equal(["edge", "new"], h.Turns.All.Select(t => t.TurnId).Order(StringComparer.Ordinal));
        Assert.Equal(["input/u1/edge.wav", "input/u1/new.wav", "reply/u1/edge.mp3", "reply/u1/new.mp3"], h.Audio.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, metrics.Sum("voicememory.retention.deleted", "kind", "turn"));
        Assert.Equal(1, metrics.Sum("voicememory.retention.deleted", "kind", "input_audio"));
    }

    [Fact]
    public async Task Run_Backups_DeletesOldCompleteAndAbandonedPendingButKeepsTheNewest()
    {
        var h = new MaintenanceHarness(new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)));
        h.BackupOptions.KeepDays = 30;
        h.Storage.AddComplete("20261023T115959Z");
        h.Storage.AddComplete("20261023T120000Z");
        h.Storage.AddComplete("20261121T120000Z");
        h.Storage.AddPending("20261121T115959Z");
        h.Storage.AddPending("20261121T120001Z");
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var result = await h.Retention().RunAsync(CancellationToken.None);

        Assert.Equal(2, result.Backups);
        Assert.Equal(["20261023T120000Z", "20261121T120000Z"], await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["20261121T120001Z"], await h.Storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(2, metrics.Sum("voicememory.retention.deleted", "kind", "backup"));
    }

    [Fact]
    public async Task Run_OnlyOldBackupsLeft_KeepsTheNewestOne()
    {
        var h = new MaintenanceHarness(new ManualTimeProvider(new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        h.Storage.AddComplete("20261022T115959Z");
        h.Storage.AddComplete("20261023T115959Z");

        await h.Retention().RunAsync(CancellationToken.None);

        Assert.Equal(["20261023T115959Z"], await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Run_Extensions_GetTheClockAndAreCountedByKind()
    {
        var h = new MaintenanceHarness();
        var extension = new CountingExtension("runner_job", 3);
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var result = await h.Retention(extension).RunAsync(CancellationToken.None);

        Assert.Equal(MaintenanceHarness.Start, extension.CalledWith);
        Assert.Equal(3, result.Extensions["runner_job"]);
        Assert.Equal(3, metrics.Sum("voicememory.retention.deleted", "kind", "runner_job"));
    }

    [Fact]
    public async Task Run_OneRuleFails_OthersStillRunAndTheFailureIsReported()
    {
        var h = new MaintenanceHarness(new ManualTimeProvider(Origin));
        await SaveAudioAtAsync(h, Origin, "input/u1/a.wav");
        h.Time.SetUtcNow(Origin.AddDays(100));
        h.Storage.AddComplete("20200101T000000Z");
        h.Storage.AddComplete("20200102T000000Z");
        h.Storage.FailDelete = true;
        var after = new CountingExtension("runner_job", 1);
        using var metrics = new TelemetryRecorder("voicememory.retention.deleted");

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() => h.Retention(new ThrowingExtension(), after).RunAsync(CancellationToken.None));

        Assert.Equal(ErrorCodes.StorageUnavailable, error.Code);
        Assert.Contains("backup", error.Message, StringComparison.Ordinal);
        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Empty(h.Audio.Keys);
        Assert.NotNull(after.CalledWith);
        Assert.Equal(1, metrics.Sum("voicememory.retention.deleted", "kind", "input_audio"));
    }

    private static async Task SaveAudioAtAsync(MaintenanceHarness h, DateTimeOffset at, string key)
    {
        h.Time.SetUtcNow(at);
        await h.Audio.SaveAsync(key, new MemoryStream([1, 2, 3]), "audio/wav", CancellationToken.None);
    }

    private static async Task AddTurnAsync(MaintenanceHarness h, string turnId, DateTimeOffset createdAt, bool withAudio)
    {
        var ct = CancellationToken.None;
        AudioRef? input = null, reply = null;
        if (withAudio)
        {
            input = await h.Audio.SaveAsync(AudioKeys.Input("u1", turnId, ".wav"), new MemoryStream([1]), "audio/wav", ct);
            reply = await h.Audio.SaveAsync(AudioKeys.Reply("u1", turnId, ".mp3"), new MemoryStream([2]), "audio/mpeg", ct);
        }

        await h.Turns.SaveAsync(new TurnRecord
        {
            TurnId = turnId,
            UserId = "u1",
            State = TurnState.Completed,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            Locale = "en-US",
            InputAudio = input,
            ReplyAudio = reply,
        }, ct);
    }

    private sealed class CountingExtension(string kind, int count) : IRetentionExtension
    {
        public DateTimeOffset? CalledWith { get; private set; }

        public string Kind => kind;

        public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            CalledWith = now;
            return Task.FromResult(count);
        }
    }

    private sealed class ThrowingExtension : IRetentionExtension
    {
        public string Kind => "broken";

        public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }
}
