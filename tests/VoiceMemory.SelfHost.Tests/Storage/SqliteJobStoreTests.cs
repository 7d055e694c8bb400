using System.Collections.Concurrent;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteJobStoreTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private readonly TempDirectory folder = new();
    private readonly ManualTimeProvider clock = new();

    public void Dispose() => folder.Dispose();

    private async Task<SqliteJobStore> CreateAsync() => new(await TestDatabase.CreateAsync(folder), clock);

    [Fact]
    public async Task EnqueueAsync_SameTurnTwice_SecondReturnsFalse()
    {
        var jobs = await CreateAsync();

        Assert.True(await jobs.EnqueueAsync("t1", "u1", "{\"a\":1}", CancellationToken.None));
        Assert.False(await jobs.EnqueueAsync("t1", "u1", "{\"a\":2}", CancellationToken.None));

        var lease = await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);
        Assert.Equal(new JobLease("t1", "u1", "{\"a\":1}", 0, "w1", clock.GetUtcNow() + Lease), lease);
    }

    [Fact]
    public async Task TryClaimAsync_NothingQueued_ReturnsNull()
    {
        var jobs = await CreateAsync();

        Assert.Null(await jobs.TryClaimAsync("w1", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_SeveralDue_ClaimsOldestFirst()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t-first", "u1", "{}", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        await jobs.EnqueueAsync("t-second", "u1", "{}", CancellationToken.None);

        Assert.Equal("t-first", (await jobs.TryClaimAsync("w1", Lease, CancellationToken.None))!.TurnId);
        Assert.Equal("t-second", (await jobs.TryClaimAsync("w1", Lease, CancellationToken.None))!.TurnId);
        Assert.Null(await jobs.TryClaimAsync("w1", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_ParallelClaimers_EachJobClaimedExactlyOnce()
    {
        const int jobCount = 300;
        var jobs = await CreateAsync();
        for (var i = 0; i < jobCount; i++)
        {
            await jobs.EnqueueAsync($"t{i:D3}", "u1", "{}", CancellationToken.None);
        }

        // Dedicated threads released together keep several claims truly in flight at once; SQLite calls complete
        // synchronously, so pool tasks on a two-core machine would mostly take turns and hide a non-atomic claim.
        var claims = new ConcurrentBag<JobLease>();
        var failures = new ConcurrentQueue<Exception>();
        using var start = new ManualResetEventSlim();
        var workers = Enumerable.Range(0, 8).Select(w => new Thread(() =>
        {
            start.Wait();
            try
            {
                while (jobs.TryClaimAsync($"w{w}", Lease, CancellationToken.None).GetAwaiter().GetResult() is { } lease)
                {
                    claims.Add(lease);
                }
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        })).ToList();
        workers.ForEach(t => t.Start());

        start.Set();
        workers.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(jobCount, claims.Select(c => c.TurnId).Distinct().Count());
        Assert.Equal(jobCount, claims.Count);
        Assert.Equal(new JobCounts(0, jobCount, 0, 0), await jobs.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_LeaseExpired_AnotherWorkerTakesOverAndTheFirstLosesIt()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("crashed", Lease, CancellationToken.None);

        clock.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Null(await jobs.TryClaimAsync("w2", Lease, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        var takeover = await jobs.TryClaimAsync("w2", Lease, CancellationToken.None);

        Assert.Equal(("t1", "w2"), (takeover!.TurnId, takeover.WorkerId));
        Assert.False(await jobs.RenewLeaseAsync("t1", "crashed", Lease, CancellationToken.None));
        await jobs.CompleteAsync("t1", "crashed", CancellationToken.None);
        Assert.Equal(new JobCounts(0, 1, 0, 0), await jobs.CountAsync(CancellationToken.None));
        await jobs.CompleteAsync("t1", "w2", CancellationToken.None);
        Assert.Equal(new JobCounts(0, 0, 1, 0), await jobs.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RenewLeaseAsync_OwnLease_PushesExpiryBack()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await jobs.RenewLeaseAsync("t1", "w1", Lease, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(20));

        Assert.Null(await jobs.TryClaimAsync("w2", Lease, CancellationToken.None));
        Assert.Equal(0, await jobs.ReclaimExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RescheduleAsync_Failure_WaitsUntilNextAttemptAndCountsIt()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);

        await jobs.RescheduleAsync("t1", "w1", clock.GetUtcNow().AddSeconds(10), "provider_timeout", CancellationToken.None);

        Assert.Equal(new JobCounts(1, 0, 0, 0), await jobs.CountAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(await jobs.TryClaimAsync("w1", Lease, CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await jobs.TryClaimAsync("w2", Lease, CancellationToken.None))!.Attempts);
    }

    [Fact]
    public async Task RescheduleAsync_LeaseOfAnotherWorker_ChangesNothing()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);

        await jobs.RescheduleAsync("t1", "w2", clock.GetUtcNow(), "x", CancellationToken.None);
        await jobs.FailAsync("t1", "w2", "x", CancellationToken.None);

        Assert.Equal(new JobCounts(0, 1, 0, 0), await jobs.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FailAsync_OwnLease_MarksFailedAndNeverClaimsAgain()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);

        await jobs.FailAsync("t1", "w1", "step_failed", CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(new JobCounts(0, 0, 0, 1), await jobs.CountAsync(CancellationToken.None));
        Assert.Null(await jobs.TryClaimAsync("w1", Lease, CancellationToken.None));
        Assert.Equal(0, await jobs.ReclaimExpiredAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ReleaseLeasesAsync_Shutdown_ReturnsOnlyThisWorkersJobsDueNowWithSameAttempts()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.EnqueueAsync("t2", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);
        await jobs.RescheduleAsync("t1", "w1", clock.GetUtcNow(), "retry", CancellationToken.None);
        await jobs.TryClaimAsync("w1", Lease, CancellationToken.None);
        await jobs.TryClaimAsync("w2", Lease, CancellationToken.None);

        var released = await jobs.ReleaseLeasesAsync("w1", CancellationToken.None);

        Assert.Equal(1, released);
        Assert.Equal(new JobCounts(1, 1, 0, 0), await jobs.CountAsync(CancellationToken.None));
        var again = await jobs.TryClaimAsync("w3", Lease, CancellationToken.None);
        Assert.Equal(("t1", 1), (again!.TurnId, again.Attempts));
        Assert.False(await jobs.RenewLeaseAsync("t1", "w1", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task ReclaimExpiredAsync_StartUpAfterCrash_ReturnsExpiredJobsToPending()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.EnqueueAsync("t2", "u1", "{}", CancellationToken.None);
        await jobs.TryClaimAsync("dead", TimeSpan.FromSeconds(5), CancellationToken.None);
        await jobs.TryClaimAsync("alive", TimeSpan.FromMinutes(5), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(1, await jobs.ReclaimExpiredAsync(CancellationToken.None));

        Assert.Equal(new JobCounts(1, 1, 0, 0), await jobs.CountAsync(CancellationToken.None));
        var reclaimed = await jobs.TryClaimAsync("new", Lease, CancellationToken.None);
        // The crashed run counts as an attempt.
        Assert.Equal(("t1", 1, "new"), (reclaimed!.TurnId, reclaimed.Attempts, reclaimed.WorkerId));
        Assert.False(await jobs.RenewLeaseAsync("t1", "dead", Lease, CancellationToken.None));
    }

    [Fact]
    public async Task TryClaimAsync_TakingOverAnExpiredLease_CountsTheInterruptedRun()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        Assert.Equal(0, (await jobs.TryClaimAsync("crashed", TimeSpan.FromSeconds(5), CancellationToken.None))!.Attempts);

        clock.Advance(TimeSpan.FromSeconds(6));
        var second = await jobs.TryClaimAsync("w2", TimeSpan.FromSeconds(5), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(6));
        var third = await jobs.TryClaimAsync("w3", TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal((1, 2), (second!.Attempts, third!.Attempts));
    }

    [Fact]
    public async Task SaveCheckpointAsync_SameStepTwice_FirstOutputWins()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);

        await jobs.SaveCheckpointAsync("t1", 0, "understand", "{\"first\":true}", CancellationToken.None);
        await jobs.SaveCheckpointAsync("t1", 0, "understand", "{\"second\":true}", CancellationToken.None);
        await jobs.SaveCheckpointAsync("t1", 1, "respond", "{\"reply\":\"hi\"}", CancellationToken.None);

        Assert.Equal("{\"first\":true}", await jobs.GetCheckpointAsync("t1", 0, CancellationToken.None));
        Assert.Equal("{\"reply\":\"hi\"}", await jobs.GetCheckpointAsync("t1", 1, CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("t1", 2, CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("t9", 0, CancellationToken.None));
    }

    [Fact]
    public async Task SaveCheckpointAsync_ParallelWritersOfOneStep_AllReadTheSameOutput()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => jobs.SaveCheckpointAsync("t1", 0, "understand", $"{{\"writer\":{i}}}", CancellationToken.None))));

        var stored = await jobs.GetCheckpointAsync("t1", 0, CancellationToken.None);
        Assert.Matches("^\\{\"writer\":[0-7]\\}$", stored);
        Assert.Equal(stored, await jobs.GetCheckpointAsync("t1", 0, CancellationToken.None));
    }

    [Fact]
    public async Task SaveCheckpointAsync_TurnWithoutJob_Throws()
    {
        var jobs = await CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => jobs.SaveCheckpointAsync("erased", 0, "understand", "{}", CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("erased", 0, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteUserJobsAsync_Erase_RemovesJobsAndCheckpointsOfThatUserOnly()
    {
        var jobs = await CreateAsync();
        await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);
        await jobs.EnqueueAsync("t2", "u2", "{}", CancellationToken.None);
        await jobs.SaveCheckpointAsync("t1", 0, "understand", "{\"transcript\":\"secret\"}", CancellationToken.None);
        await jobs.SaveCheckpointAsync("t2", 0, "understand", "{}", CancellationToken.None);

        await jobs.DeleteUserJobsAsync("u1", CancellationToken.None);

        Assert.Null(await jobs.GetCheckpointAsync("t1", 0, CancellationToken.None));
        Assert.NotNull(await jobs.GetCheckpointAsync("t2", 0, CancellationToken.None));
        Assert.Equal(new JobCounts(1, 0, 0, 0), await jobs.CountAsync(CancellationToken.None));
        // The erased turn can be queued afresh; nothing of it is left behind.
        Assert.True(await jobs.EnqueueAsync("t1", "u1", "{}", CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("t1", 0, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteFinishedOlderThanAsync_MixedJobs_RemovesOnlyOldFinishedWithTheirCheckpoints()
    {
        var jobs = await CreateAsync();
        foreach (var turn in new[] { "done-old", "failed-old", "running-old", "done-new" })
        {
            await jobs.EnqueueAsync(turn, "u1", "{}", CancellationToken.None);
            await jobs.SaveCheckpointAsync(turn, 0, "understand", "{}", CancellationToken.None);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await ClaimAsync(jobs, "done-old");
        await jobs.CompleteAsync("done-old", "w", CancellationToken.None);
        await ClaimAsync(jobs, "failed-old");
        await jobs.FailAsync("failed-old", "w", "step_failed", CancellationToken.None);
        await ClaimAsync(jobs, "running-old");
        await jobs.RenewLeaseAsync("running-old", "w", TimeSpan.FromDays(30), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(8));
        await ClaimAsync(jobs, "done-new");
        await jobs.CompleteAsync("done-new", "w", CancellationToken.None);

        var deleted = await jobs.DeleteFinishedOlderThanAsync(clock.GetUtcNow().AddDays(-7), CancellationToken.None);

        Assert.Equal(2, deleted);
        Assert.Equal(new JobCounts(0, 1, 1, 0), await jobs.CountAsync(CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("done-old", 0, CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("failed-old", 0, CancellationToken.None));
        Assert.NotNull(await jobs.GetCheckpointAsync("running-old", 0, CancellationToken.None));
    }

    [Fact]
    public async Task CompleteAndFail_DropTheCheckpointsAndRequestThatHoldTheUsersWords()
    {
        var jobs = await CreateAsync();
        foreach (var turn in new[] { "done", "failed", "running" })
        {
            await jobs.EnqueueAsync(turn, "u1", "{\"typedText\":\"private words\"}", CancellationToken.None);
            await jobs.SaveCheckpointAsync(turn, 1, "understand", "{\"transcript\":\"private words\"}", CancellationToken.None);
        }

        await ClaimAsync(jobs, "done");
        await jobs.CompleteAsync("done", "w", CancellationToken.None);
        await ClaimAsync(jobs, "failed");
        await jobs.FailAsync("failed", "w", "step_failed", CancellationToken.None);

        Assert.Null(await jobs.GetCheckpointAsync("done", 1, CancellationToken.None));
        Assert.Null(await jobs.GetCheckpointAsync("failed", 1, CancellationToken.None));
        Assert.NotNull(await jobs.GetCheckpointAsync("running", 1, CancellationToken.None));
        await using var connection = await (await TestDatabase.CreateAsync(folder)).OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM jobs WHERE request_json LIKE '%private words%'";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task TryClaimAsync_TwoStoresOverOneFile_ShareTheQueue()
    {
        var db = await TestDatabase.CreateAsync(folder);
        var first = new SqliteJobStore(db, clock);
        var second = new SqliteJobStore(new SqliteDatabase(db.DatabasePath), clock);
        await first.EnqueueAsync("t1", "u1", "{}", CancellationToken.None);

        var claims = await Task.WhenAll(
            Task.Run(() => first.TryClaimAsync("a", Lease, CancellationToken.None)),
            Task.Run(() => second.TryClaimAsync("b", Lease, CancellationToken.None)));

        Assert.Single(claims, c => c is not null);
    }

    // Claims the next due job for worker "w" and checks it is the expected one.
    private static async Task ClaimAsync(SqliteJobStore jobs, string turnId)
    {
        var lease = await jobs.TryClaimAsync("w", Lease, CancellationToken.None);
        Assert.Equal(turnId, lease?.TurnId);
    }
}
