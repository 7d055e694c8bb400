using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class HealthProbeTests
{
    private readonly ManualTimeProvider time = new(MaintenanceHarness.Start);

    [Theory]
    [InlineData(HealthState.Healthy, HealthState.Healthy, HealthState.Healthy)]
    [InlineData(HealthState.Healthy, HealthState.Degraded, HealthState.Degraded)]
    [InlineData(HealthState.Healthy, HealthState.Unhealthy, HealthState.Degraded)]
    [InlineData(HealthState.Degraded, HealthState.Healthy, HealthState.Degraded)]
    [InlineData(HealthState.Unhealthy, HealthState.Healthy, HealthState.Unhealthy)]
    [InlineData(HealthState.Unhealthy, HealthState.Degraded, HealthState.Unhealthy)]
    public async Task Run_Aggregates_CriticalUnhealthyIsUnhealthy_AnyOtherProblemDegrades(HealthState critical, HealthState other, HealthState expected)
    {
        var probe = Probe(new FakeCheck("c", true, critical), new FakeCheck("o", false, other));

        var report = await probe.RunAsync(CancellationToken.None);

        Assert.Equal(expected, report.Status);
        Assert.Equal(critical, report.Checks["c"].Status);
        Assert.Equal(other, report.Checks["o"].Status);
    }

    [Fact]
    public async Task Run_NoChecks_Healthy()
    {
        var report = await Probe().RunAsync(CancellationToken.None);

        Assert.Equal(HealthState.Healthy, report.Status);
        Assert.Empty(report.Checks);
    }

    [Fact]
    public async Task Run_CheckThatNeverAnswers_TimesOutAsUnhealthyWhileOthersAnswer()
    {
        var hanging = new FakeCheck("hangs", true, _ => new TaskCompletionSource<DependencyHealth>().Task);
        var probe = Probe(hanging, new FakeCheck("fine", false, HealthState.Healthy));

        var run = probe.RunAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => time.PendingTimers == 2, "only the hanging check's timers are left");
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        var report = await run;

        Assert.Equal(HealthState.Unhealthy, report.Status);
        Assert.Equal(DependencyHealth.Unhealthy("check timed out"), report.Checks["hangs"]);
        Assert.Equal(HealthState.Healthy, report.Checks["fine"].Status);
    }

    [Fact]
    public async Task Run_CheckThatHonoursCancellation_IsCancelledAtTheTimeout()
    {
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var check = new FakeCheck("slow", false, async ct =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            finally
            {
                observed.TrySetResult(ct.IsCancellationRequested);
            }

            return DependencyHealth.Healthy("unreachable");
        });
        var probe = Probe(check);

        var run = probe.RunAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => check.Calls == 1 && time.PendingTimers == 2, "the check is waiting");
        time.Advance(TimeSpan.FromSeconds(10));
        var report = await run;

        Assert.True(await observed.Task);
        Assert.Equal(HealthState.Degraded, report.Status);
        Assert.Equal("check timed out", report.Checks["slow"].Detail);
    }

    [Fact]
    public async Task Run_CheckThrows_UnhealthyWithGenericDetailAndTheErrorLogged()
    {
        var logger = new ListLogger<HealthProbe>();
        var probe = new HealthProbe(
            [new FakeCheck("db", true, _ => throw new InvalidOperationException("password=hunter2"))],
            Options.Create(new HealthOptions()), time, logger);

        var report = await probe.RunAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, report.Status);
        Assert.Equal(DependencyHealth.Unhealthy("check failed"), report.Checks["db"]);
        Assert.Contains(logger.Entries, e => e.EventId == 7405);
    }

    [Fact]
    public async Task Run_CallerCancels_Throws()
    {
        var probe = Probe(new FakeCheck("hangs", true, _ => new TaskCompletionSource<DependencyHealth>().Task));
        using var cts = new CancellationTokenSource();

        var run = probe.RunAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Null(probe.Latest);
    }

    [Fact]
    public async Task Run_KeepsLatestReportWithTheClockTime()
    {
        var probe = Probe(new FakeCheck("a", true, HealthState.Healthy));
        Assert.Null(probe.Latest);

        time.Advance(TimeSpan.FromMinutes(3));
        var report = await probe.RunAsync(CancellationToken.None);

        Assert.Same(report, probe.Latest);
        Assert.Equal(MaintenanceHarness.Start.AddMinutes(3), report.CheckedAt);
    }

    [Fact]
    public async Task Run_RecordsHealthGaugePerDependency()
    {
        var good = "good-" + Guid.NewGuid().ToString("N");
        var bad = "bad-" + Guid.NewGuid().ToString("N");
        var meh = "meh-" + Guid.NewGuid().ToString("N");
        using var metrics = new TelemetryRecorder("voicememory.health.status");

        await Probe(new FakeCheck(good, true, HealthState.Healthy), new FakeCheck(bad, true, HealthState.Unhealthy), new FakeCheck(meh, false, HealthState.Degraded)).RunAsync(CancellationToken.None);

        Assert.Equal(1, metrics.Observe("voicememory.health.status", "dependency", good));
        Assert.Equal(0, metrics.Observe("voicememory.health.status", "dependency", bad));
        Assert.Equal(0, metrics.Observe("voicememory.health.status", "dependency", meh));
    }

    [Fact]
    public async Task Run_LogsOnlyChanges()
    {
        var state = HealthState.Healthy;
        var logger = new ListLogger<HealthProbe>();
        var probe = new HealthProbe(
            [new FakeCheck("disk", true, _ => Task.FromResult(new DependencyHealth(state, "x")))],
            Options.Create(new HealthOptions()), time, logger);

        await probe.RunAsync(CancellationToken.None);
        var afterFirst = logger.Entries.Count;
        await probe.RunAsync(CancellationToken.None);
        var afterSecond = logger.Entries.Count;
        state = HealthState.Unhealthy;
        await probe.RunAsync(CancellationToken.None);

        Assert.Equal(2, afterFirst);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Contains(logger.Entries.Skip(afterSecond), e => e.EventId == 7402);
        Assert.Contains(logger.Entries.Skip(afterSecond), e => e.EventId == 7403);
    }

    [Fact]
    public void Constructor_TwoChecksWithOneName_Throws() =>
        Assert.Throws<ArgumentException>(() => Probe(new FakeCheck("a", true, HealthState.Healthy), new FakeCheck("a", false, HealthState.Healthy)));

    private HealthProbe Probe(params IDependencyCheck[] checks) =>
        new(checks, Options.Create(new HealthOptions { CheckTimeoutSeconds = 10 }), time, NullLogger<HealthProbe>.Instance);
}
