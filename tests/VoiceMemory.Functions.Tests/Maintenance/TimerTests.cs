using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Tests.Audio;
using VoiceMemory.Api;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Maintenance;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Functions.Tests.Support;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Maintenance;

/// <summary>The timer functions: backup and restore, retention with instance purge, the health report, the queued-turn sweep.</summary>
public sealed class TimerTests
{
    [Fact]
    public async Task Backup_ThenRestoreIntoFreshStorage_GivesIdenticalExports()
    {
        await using var source = await FunctionsApp.StartAsync();
        var backups = source.Get<IBackupStorage>();
        await source.TypedTurnAsync("sam", "My name is Sam and I am allergic to cats.");
        await source.TypedTurnAsync("sam", "I work as a nurse.");
        await source.TypedTurnAsync("tess", "My cat is called Miso.");

        await source.Get<MaintenanceFunctions>().BackupAsync(new TimerInfo(), CancellationToken.None);
        var backupId = Assert.Single(await backups.ListBackupsAsync(CancellationToken.None).ToListAsync());

        // Fresh storage (its own containers and tables), restoring from the first app's backups container.
        await using var target = await FunctionsApp.StartAsync();
        var restored = await target.Get<RestoreService>().RestoreAsync(backups, backupId, CancellationToken.None);

        Assert.Equal(3, restored.Turns);
        foreach (var user in new[] { "sam", "tess" })
        {
            var before = await source.Get<UserDataService>().ExportAsync(user, CancellationToken.None);
            var after = await target.Get<UserDataService>().ExportAsync(user, CancellationToken.None);
            Assert.Equal(Comparable(before), Comparable(after));
        }
    }

    [Fact]
    public async Task Retention_DeletesWhatIsDue_AndPurgesOldInstances()
    {
        await using var app = await FunctionsApp.StartAsync();
        app.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Transcript("I like jazz.", "en-US", 0.9));
        var submit = app.Request("POST", "/api/v1/turns", Principal.For("uma"), new WavBytes().Build(), "audio/wav");
        var accepted = await FunctionsApp.ExecuteAsync(submit, await app.Get<TurnFunctions>().SubmitAsync(submit, app.Client));
        var turnId = accepted.Json.GetProperty("turnId").GetString()!;
        await app.WaitAsync(turnId);
        var turn = await app.Get<ITurnStore>().GetAsync("uma", turnId, CancellationToken.None);
        var audio = app.Get<IAudioStore>();
        var retention = app.Get<MaintenanceFunctions>();

        // A day on, nothing is due: reply audio is kept 7 days, instance history 7 days, input audio 30.
        app.Time.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromDays(1));
        await retention.RetentionAsync(new TimerInfo(), app.Client, CancellationToken.None);
        Assert.NotNull(await app.Client.GetInstanceAsync(turnId));
        Assert.True(await audio.ExistsAsync(turn!.ReplyAudio!.Key, CancellationToken.None));

        // Past 7 days the reply audio and the instance history (it holds the transcript) go; the turn and its input stay.
        // (The clock is set so the cutoff is the real present: the task hub stamps instances with the real clock, and the
        // in-process test host rejects a purge cutoff in the future, which production never sends.)
        app.Time.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromDays(7));
        await retention.RetentionAsync(new TimerInfo(), app.Client, CancellationToken.None);
        Assert.Null(await app.Client.GetInstanceAsync(turnId));
        Assert.False(await audio.ExistsAsync(turn.ReplyAudio.Key, CancellationToken.None));
        Assert.True(await audio.ExistsAsync(turn.InputAudio!.Key, CancellationToken.None));
        Assert.NotNull(await app.Get<ITurnStore>().GetAsync("uma", turnId, CancellationToken.None));
    }

    [Fact]
    public async Task HealthProbeTimer_ItsReportIsWhatHealthAnswers()
    {
        await using var app = await FunctionsApp.StartAsync();

        await app.Get<MaintenanceFunctions>().HealthAsync(new TimerInfo(), CancellationToken.None);
        var recorded = await app.Get<HealthReportStore>().ReadAsync(CancellationToken.None);
        var request = app.Request("GET", "/api/health");
        var answer = await FunctionsApp.ExecuteAsync(request, await app.Get<HealthFunction>().GetAsync(request));

        Assert.NotNull(recorded);
        Assert.Equal(recorded.Status == HealthState.Unhealthy ? 503 : 200, answer.Status);
        Assert.Equal(recorded.CheckedAt, answer.Json.GetProperty("checkedAt").GetDateTimeOffset());
        Assert.Equal("healthy", answer.Json.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
        Assert.True(answer.Json.GetProperty("checks").TryGetProperty("backup", out _) || answer.Json.GetProperty("checks").EnumerateObject().Count() >= 2);
        Assert.DoesNotContain("AccountKey", answer.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_WithoutARecordedReport_ProbesAndRecords()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = app.Request("GET", "/api/health");

        var answer = await FunctionsApp.ExecuteAsync(request, await app.Get<HealthFunction>().GetAsync(request));

        Assert.Contains(answer.Status, new[] { 200, 503 });
        Assert.NotNull(await app.Get<HealthReportStore>().ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TurnLeftQueuedWithoutAnInstance_IsRescheduledByTheSweep_AndCompletesOnce()
    {
        await using var app = await FunctionsApp.StartAsync();

        // The intake's first half only: the turn is recorded (with its marker) and then the process "crashes".
        var now = app.Time.GetUtcNow();
        var turnId = TurnIds.New(now);
        await app.Get<ITurnStore>().AddAsync(
            new TurnRecord { TurnId = turnId, UserId = "vic", State = TurnState.Queued, CreatedAt = now, UpdatedAt = now, Locale = "en-US", Typed = true, Transcript = new Transcript("I grow tomatoes.", "en-US", 1) },
            CancellationToken.None);
        var sweeper = app.Get<QueuedTurnSweeper>();

        Assert.Equal(0, await sweeper.SweepAsync(app.Client, CancellationToken.None));
        app.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await sweeper.SweepAsync(app.Client, CancellationToken.None));
        var finished = await app.WaitAsync(turnId);
        Assert.Equal(0, await sweeper.SweepAsync(app.Client, CancellationToken.None));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        var turn = await app.Get<ITurnStore>().GetAsync("vic", turnId, CancellationToken.None);
        Assert.Equal(TurnState.Completed, turn!.State);
        Assert.Single(await app.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: turnId)).ToListAsync());
    }

    private static string Comparable(ExportBody export) =>
        JsonSerializer.Serialize(export with { ExportedAt = default }, ApiJson.Options);
}
