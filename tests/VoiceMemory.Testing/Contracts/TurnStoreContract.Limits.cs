using System.Text;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Testing.Contracts;

/// <summary>
/// Cases that limits of cloud storage make matter (pages of 1,000 entities, characters forbidden in keys, 64 KiB
/// properties and 1 MiB entities, concurrent erasure); every adapter runs them, so all hosts behave alike.
/// </summary>
public abstract partial class TurnStoreContract
{
    [Fact]
    public async Task ListByUserAsync_MoreThanAThousandTurns_PagesThroughAllAndDeleteUserRemovesAll()
    {
        var store = await CreateStoreAsync();
        const int count = 1_050;
        await ForEachParallelAsync(Enumerable.Range(0, count), i => store.AddAsync(Turn("many", $"t{i:D4}", T0.AddSeconds(i)), CancellationToken.None));

        var all = await store.ListByUserAsync("many", count + 10, null, CancellationToken.None);
        var paged = new List<TurnRecord>();
        string? cursor = null;
        do
        {
            var page = await store.ListByUserAsync("many", 100, cursor, CancellationToken.None);
            paged.AddRange(page.Items);
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal(count, all.Items.Count);
        Assert.Null(all.Next);
        Assert.Equal(Enumerable.Range(0, count).Reverse().Select(i => $"t{i:D4}"), paged.Select(t => t.TurnId));
        Assert.Equal(count, (await ToListAsync(store.ListOlderThanAsync(T0.AddDays(1), CancellationToken.None))).Count);
        Assert.Equal(count, await store.DeleteUserAsync("many", CancellationToken.None));
        Assert.Empty((await store.ListByUserAsync("many", 10, null, CancellationToken.None)).Items);
    }

    [Theory]
    [InlineData("a/b", "key/1")]
    [InlineData("a\\b", "key\\1")]
    [InlineData("a#b", "key#1")]
    [InlineData("a?b", "key?1")]
    [InlineData("a\tb\u0001", "key\n1")]
    [InlineData("a%2Fb|c", "key%|1")]
    public async Task UserIdsAndKeysWithForbiddenKeyCharacters_WorkAndStayIsolated(string userId, string key)
    {
        var store = await CreateStoreAsync();
        // Ids that an escaping scheme could confuse with the tricky one.
        var neighbours = new[] { "a", "b", "a%002Fb", userId + "x" };
        for (var i = 0; i < neighbours.Length; i++)
        {
            await store.AddAsync(Turn(neighbours[i], $"n{i}", idempotencyKey: key), CancellationToken.None);
        }

        var first = await store.AddAsync(Turn(userId, "t1", idempotencyKey: key), CancellationToken.None);
        var again = await store.AddAsync(Turn(userId, "t2", T0.AddMinutes(1), key), CancellationToken.None);

        Assert.Equal(("t1", "t1"), (first.TurnId, again.TurnId));
        Assert.Equal(userId, (await store.GetAsync(userId, "t1", CancellationToken.None))!.UserId);
        Assert.Equal(["t1"], (await store.ListByUserAsync(userId, 10, null, CancellationToken.None)).Items.Select(t => t.TurnId));
        Assert.Contains(await ToListAsync(store.ExportAsync(CancellationToken.None)), t => t.UserId == userId && t.TurnId == "t1");
        Assert.Equal(1, await store.DeleteUserAsync(userId, CancellationToken.None));
        Assert.All(neighbours, other => Assert.Single(store.ListByUserAsync(other, 10, null, CancellationToken.None).GetAwaiter().GetResult().Items));
    }

    [Fact]
    public async Task SaveAsync_TwoHundredKilobyteTranscriptAndLongReply_RoundTrips()
    {
        var store = await CreateStoreAsync();
        var record = Turn("u1", "long") with
        {
            Typed = true,
            Transcript = new Transcript(Words(200_000, seed: 1), "en-US", 1),
            Reply = new Reply(Words(70_000, seed: 2), ReplySource.Llm),
        };

        await store.AddAsync(record, CancellationToken.None);
        await store.SaveAsync(record with { State = TurnState.Completed }, CancellationToken.None);

        var read = await store.GetAsync("u1", "long", CancellationToken.None);
        Assert.Equal(record with { State = TurnState.Completed }, read);
        Assert.Equal(200_000, read!.Transcript!.Text.Length);
        Assert.Equal(record.Transcript, Assert.Single((await store.ListByUserAsync("u1", 10, null, CancellationToken.None)).Items).Transcript);
    }

    [Fact]
    public async Task DeleteUserAsync_WhileTurnsAreStillBeingAdded_RunningItAgainLeavesNothing()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("other", "keep"), CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            await store.AddAsync(Turn("u1", $"early{i:D2}", T0.AddSeconds(i), $"k{i}"), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var added = 0;
        var writer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && added < 200)
            {
                await store.AddAsync(Turn("u1", $"late{added:D3}", T0.AddMinutes(1).AddSeconds(added), $"late-key{added}"), CancellationToken.None);
                added++;
            }
        });

        var firstErase = await store.DeleteUserAsync("u1", CancellationToken.None);
        await stop.CancelAsync();
        await writer;
        await store.DeleteUserAsync("u1", CancellationToken.None);

        Assert.True(firstErase >= 30, $"the first erase removed {firstErase} turns");
        Assert.Empty((await store.ListByUserAsync("u1", 1000, null, CancellationToken.None)).Items);
        Assert.DoesNotContain(await ToListAsync(store.ExportAsync(CancellationToken.None)), t => t.UserId == "u1");
        Assert.NotNull(await store.GetAsync("other", "keep", CancellationToken.None));
        // The erased user's keys are free again.
        Assert.Equal("fresh", (await store.AddAsync(Turn("u1", "fresh", idempotencyKey: "k0"), CancellationToken.None)).TurnId);
    }

    /// <summary>Deterministic text of about <paramref name="length"/> characters made of varied words (it does not compress to nothing).</summary>
    protected static string Words(int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length + 16);
        while (builder.Length < length)
        {
            var word = new char[random.Next(2, 11)];
            for (var i = 0; i < word.Length; i++)
            {
                word[i] = (char)('a' + random.Next(26));
            }

            builder.Append(word).Append(' ');
        }

        return builder.ToString(0, length);
    }

    protected static async Task ForEachParallelAsync<T>(IEnumerable<T> items, Func<T, Task> action, int parallelism = 8)
    {
        using var gate = new SemaphoreSlim(parallelism);
        await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync();
            try
            {
                await action(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}
