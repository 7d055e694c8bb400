using VoiceMemory.SelfHost.Runner;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Tests.Storage;

namespace VoiceMemory.SelfHost.Tests.Runner;

public sealed class FinishedJobRetentionTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task RunAsync_DeletesFinishedJobsOlderThanADayOnly()
    {
        var jobs = new SqliteJobStore(await TestDatabase.CreateAsync(folder), clock);
        await FinishAsync(jobs, "old");
        clock.Advance(TimeSpan.FromHours(23));
        await FinishAsync(jobs, "fresh");
        clock.Advance(TimeSpan.FromHours(2));
        var retention = new FinishedJobRetention(jobs);

        Assert.Equal(1, await retention.RunAsync(clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(new JobCounts(0, 0, 1, 0), await jobs.CountAsync(CancellationToken.None));
        Assert.Equal("runner_job", retention.Kind);
    }

    private static async Task FinishAsync(SqliteJobStore jobs, string turnId)
    {
        await jobs.EnqueueAsync(turnId, "u1", "{}", CancellationToken.None);
        var lease = await jobs.TryClaimAsync("w", TimeSpan.FromMinutes(1), CancellationToken.None);
        await jobs.CompleteAsync(lease!.TurnId, "w", CancellationToken.None);
    }
}
