using System.Collections.Concurrent;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Testing.Contracts;

/// <summary>What every <see cref="ITurnStore"/> adapter must do. A concrete test class supplies a fresh, empty store.</summary>
public abstract partial class TurnStoreContract
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<ITurnStore> CreateStoreAsync();

    /// <summary>Another new, empty store, independent of the first (the target of an export/import round trip).</summary>
    protected abstract Task<ITurnStore> CreateSecondStoreAsync();

    protected static TurnRecord Turn(string userId, string turnId, DateTimeOffset? createdAt = null, string? idempotencyKey = null) => new()
    {
        TurnId = turnId,
        UserId = userId,
        State = TurnState.Queued,
        CreatedAt = createdAt ?? T0,
        UpdatedAt = createdAt ?? T0,
        Locale = "en-US",
        IdempotencyKey = idempotencyKey,
        InputAudio = new AudioRef(AudioKeys.Input(userId, turnId, ".wav"), "audio/wav", 1234),
    };

    [Fact]
    public async Task AddAsync_NewTurn_GetReturnsEqualRecord()
    {
        var store = await CreateStoreAsync();
        var record = Turn("u1", "t1", new DateTimeOffset(2025, 3, 1, 17, 30, 0, 123, TimeSpan.FromHours(8)).AddTicks(4567)) with
        {
            State = TurnState.Completed,
            Stage = TurnStage.Remembering,
            Typed = true,
            Transcript = new Transcript("I am allergic to peanuts", "en-US", 0.93),
            Reply = new Reply("I'll remember that.", ReplySource.Fallback),
            Safety = new SafetyOutcome(true, "self_harm", SafetyAction.CrisisReply),
            ReplyAudio = new AudioRef("reply/u1/t1.mp3", "audio/mpeg", 999),
            Timings = new StageTimings(Transcribe: 10, Screen: 2, Recall: 3, Reply: 40, Speak: 50, Remember: 5, Total: 110),
            Error = new TurnError("step_failed", "nope"),
        };

        var added = await store.AddAsync(record, CancellationToken.None);
        var read = await store.GetAsync("u1", "t1", CancellationToken.None);

        Assert.Equal(record, added);
        Assert.Equal(record, read);
        Assert.Equal(record.CreatedAt.UtcTicks, read!.CreatedAt.UtcTicks);
    }

    [Fact]
    public async Task AddAsync_SameIdempotencyKeyInParallel_AllCallersGetOneTurn()
    {
        var store = await CreateStoreAsync();
        const int keys = 20;
        const int callersPerKey = 6;
        var results = new ConcurrentBag<(int Key, string TurnId)>();
        var failures = new ConcurrentQueue<Exception>();
        // Dedicated threads released together keep the submissions of one key truly concurrent (pool tasks on a
        // two-core machine mostly take turns, which would hide a check-then-insert race).
        using var start = new ManualResetEventSlim();
        var callers = Enumerable.Range(0, keys).SelectMany(k => Enumerable.Range(0, callersPerKey).Select(c => new Thread(() =>
        {
            start.Wait();
            try
            {
                var added = store.AddAsync(Turn("u1", $"t{k}-{c}", idempotencyKey: $"key-{k}"), CancellationToken.None).GetAwaiter().GetResult();
                results.Add((k, added.TurnId));
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex);
            }
        }))).ToList();
        callers.ForEach(t => t.Start());

        start.Set();
        callers.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.All(results.GroupBy(r => r.Key), group => Assert.Single(group.Select(r => r.TurnId).Distinct()));
        var stored = await store.ListByUserAsync("u1", 1000, null, CancellationToken.None);
        Assert.Equal(results.Select(r => r.TurnId).Distinct().Order(StringComparer.Ordinal), stored.Items.Select(t => t.TurnId).Order(StringComparer.Ordinal));
        Assert.Equal(keys, stored.Items.Count);
    }

    [Fact]
    public async Task AddAsync_KeyUsedBefore_ReturnsExistingTurnAndWritesNothing()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1", idempotencyKey: "k"), CancellationToken.None);

        var second = await store.AddAsync(Turn("u1", "t2", T0.AddMinutes(1), "k"), CancellationToken.None);

        Assert.Equal("t1", second.TurnId);
        Assert.Null(await store.GetAsync("u1", "t2", CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_SameKeyForDifferentUsers_AddsBoth()
    {
        var store = await CreateStoreAsync();

        var first = await store.AddAsync(Turn("u1", "t1", idempotencyKey: "k"), CancellationToken.None);
        var second = await store.AddAsync(Turn("u2", "t2", idempotencyKey: "k"), CancellationToken.None);

        Assert.Equal("t1", first.TurnId);
        Assert.Equal("t2", second.TurnId);
        Assert.NotNull(await store.GetAsync("u2", "t2", CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_WithoutKeyTwiceForSameTurn_KeepsOneTurn()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        var again = await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        Assert.Equal("t1", again.TurnId);
        Assert.Single((await store.ListByUserAsync("u1", 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task GetAsync_TurnOfAnotherUser_ReturnsNull()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        Assert.Null(await store.GetAsync("u2", "t1", CancellationToken.None));
        Assert.Null(await store.GetAsync("u1", "missing", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ExistingTurn_ReplacesWholeRecord()
    {
        var store = await CreateStoreAsync();
        var record = await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);
        var finished = record with
        {
            State = TurnState.Completed,
            Stage = null,
            UpdatedAt = T0.AddSeconds(5),
            Reply = new Reply("Hello", ReplySource.Llm),
        };

        await store.SaveAsync(finished, CancellationToken.None);

        Assert.Equal(finished, await store.GetAsync("u1", "t1", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_NewTurn_InsertsIt()
    {
        var store = await CreateStoreAsync();
        var record = Turn("u1", "t9");

        await store.SaveAsync(record, CancellationToken.None);
        await store.SaveAsync(record, CancellationToken.None);

        Assert.Equal(record, await store.GetAsync("u1", "t9", CancellationToken.None));
        Assert.Single((await store.ListByUserAsync("u1", 10, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task ListByUserAsync_ManyTurnsWithTies_PagesNewestFirstWithoutGapsOrDuplicates()
    {
        var store = await CreateStoreAsync();
        var expected = new List<TurnRecord>();
        for (var i = 0; i < 23; i++)
        {
            // Every third pair shares a creation time, so the cursor must break ties.
            var record = Turn("u1", $"t{i:D2}", T0.AddSeconds(i / 2));
            expected.Add(record);
            await store.AddAsync(record, CancellationToken.None);
            await store.AddAsync(Turn("u2", $"other{i:D2}", T0.AddSeconds(i)), CancellationToken.None);
        }

        var seen = new List<TurnRecord>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await store.ListByUserAsync("u1", 5, cursor, CancellationToken.None);
            Assert.True(page.Items.Count <= 5);
            seen.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Count);
        Assert.Equal(23, seen.Select(t => t.TurnId).Distinct().Count());
        Assert.All(seen, t => Assert.Equal("u1", t.UserId));
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i - 1].CreatedAt >= seen[i].CreatedAt, $"{seen[i - 1].TurnId} listed before {seen[i].TurnId} but is older");
        }
    }

    [Fact]
    public async Task ListByUserAsync_ExactlyLimitTurns_HasNoNextCursor()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(Turn("u1", $"t{i}", T0.AddMinutes(i)), CancellationToken.None);
        }

        var page = await store.ListByUserAsync("u1", 3, null, CancellationToken.None);

        Assert.Equal(["t2", "t1", "t0"], page.Items.Select(t => t.TurnId));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task ListByUserAsync_UserWithoutTurns_ReturnsEmptyPage()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        var page = await store.ListByUserAsync("nobody", 10, null, CancellationToken.None);

        Assert.Empty(page.Items);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("bm90LWEtY3Vyc29y")]
    [InlineData("")]
    public async Task ListByUserAsync_CursorNotFromStore_ThrowsArgumentException(string cursor)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListByUserAsync("u1", 10, cursor, CancellationToken.None));
    }

    [Fact]
    public async Task ListOlderThanAsync_MixedAges_ReturnsOnlyOlderTurnsOfEveryUser()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "old1", T0.AddDays(-400)), CancellationToken.None);
        await store.AddAsync(Turn("u2", "old2", T0.AddDays(-366)), CancellationToken.None);
        await store.AddAsync(Turn("u1", "new1", T0.AddDays(-10)), CancellationToken.None);
        await store.AddAsync(Turn("u2", "edge", T0.AddDays(-365)), CancellationToken.None);

        var older = await ToListAsync(store.ListOlderThanAsync(T0.AddDays(-365), CancellationToken.None));

        Assert.Equal(["old1", "old2"], older.Select(t => t.TurnId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_IntoAnotherStore_RoundTripsEveryTurn()
    {
        var source = await CreateStoreAsync();
        var written = new List<TurnRecord>();
        foreach (var (user, turn, key) in new[] { ("u1", "t1", "k1"), ("u1", "t2", (string?)null), ("u2", "t3", "k1") })
        {
            written.Add(await source.AddAsync(Turn(user, turn, T0.AddMinutes(written.Count), key) with { Transcript = new("hi", "en-US", 1) }, CancellationToken.None));
        }

        var exported = await ToListAsync(source.ExportAsync(CancellationToken.None));
        var target = await CreateSecondStoreAsync();
        foreach (var record in exported)
        {
            await target.SaveAsync(record, CancellationToken.None);
        }

        Assert.Equal(written.OrderBy(t => t.TurnId), exported.OrderBy(t => t.TurnId));
        Assert.Equal(written.OrderBy(t => t.TurnId), (await ToListAsync(target.ExportAsync(CancellationToken.None))).OrderBy(t => t.TurnId));
        // The idempotency key survives the round trip.
        Assert.Equal("t1", (await target.AddAsync(Turn("u1", "t99", idempotencyKey: "k1"), CancellationToken.None)).TurnId);
    }

    [Fact]
    public async Task DeleteAsync_OwnAndOthersTurn_DeletesOnlyOwn()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        Assert.False(await store.DeleteAsync("u2", "t1", CancellationToken.None));
        Assert.NotNull(await store.GetAsync("u1", "t1", CancellationToken.None));
        Assert.True(await store.DeleteAsync("u1", "t1", CancellationToken.None));
        Assert.Null(await store.GetAsync("u1", "t1", CancellationToken.None));
        Assert.False(await store.DeleteAsync("u1", "t1", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteUserAsync_TwoUsers_RemovesOnlyThatUsersTurns()
    {
        var store = await CreateStoreAsync();
        for (var i = 0; i < 3; i++)
        {
            await store.AddAsync(Turn("u1", $"a{i}", idempotencyKey: $"k{i}"), CancellationToken.None);
        }

        await store.AddAsync(Turn("u2", "b0"), CancellationToken.None);

        Assert.Equal(3, await store.DeleteUserAsync("u1", CancellationToken.None));

        Assert.Empty((await store.ListByUserAsync("u1", 10, null, CancellationToken.None)).Items);
        Assert.Single((await store.ListByUserAsync("u2", 10, null, CancellationToken.None)).Items);
        // An erased user's idempotency keys are free again.
        Assert.Equal("a9", (await store.AddAsync(Turn("u1", "a9", idempotencyKey: "k0"), CancellationToken.None)).TurnId);
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
