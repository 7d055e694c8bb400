using System.Text;
using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Testing.Contracts;

/// <summary>
/// Cases that limits of cloud storage make matter (pages of 1,000 entities, characters forbidden in keys, 64 KiB
/// properties, concurrent erasure); every adapter runs them, so all hosts behave alike.
/// </summary>
public abstract partial class MemoryStoreContract
{
    [Fact]
    public async Task MoreThanAThousandFacts_ListedSearchedAndErasedCompletely()
    {
        var store = await CreateStoreAsync();
        const int count = 1_100;
        var facts = Enumerable.Range(0, count).Select(i => new ExtractedFact($"my friend number {i} likes music", FactKind.Note, null)).ToList();
        await ForEachParallelAsync(facts.Chunk(50).Select((chunk, n) => (chunk, n)), c => store.UpsertFactsAsync("many", $"t{c.n}", c.chunk, T0.AddMinutes(c.n), CancellationToken.None));
        await store.UpsertFactsAsync("many", "t-last", [new("my friend Kofi makes pottery", FactKind.Relationship, null)], T0.AddDays(-1), CancellationToken.None);

        var listed = await store.ListFactsAsync("many", count + 10, CancellationToken.None);
        var found = await store.SearchFactsAsync("many", "what does my friend Kofi make", 5, CancellationToken.None);
        var common = await store.SearchFactsAsync("many", "friend music", 5, CancellationToken.None);

        Assert.Equal(count + 1, listed.Count);
        Assert.Equal(count + 1, listed.Select(f => f.Id).Distinct().Count());
        Assert.Equal("my friend Kofi makes pottery", found[0].Fact.Text);
        Assert.Equal(5, common.Count);
        Assert.All(common, f => Assert.Contains("music", f.Fact.Text, StringComparison.Ordinal));
        Assert.Equal(count + 1, (await ToListAsync(store.ExportFactsAsync(CancellationToken.None))).Count(f => f.UserId == "many"));

        await store.EraseUserAsync("many", CancellationToken.None);

        Assert.Empty(await store.ListFactsAsync("many", 10, CancellationToken.None));
        Assert.Empty(await store.SearchFactsAsync("many", "music", 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b?c")]
    [InlineData("a\tb\u0001")]
    [InlineData("a%2Fb|c")]
    public async Task UserIdsWithForbiddenKeyCharacters_FactsWorkAndStayIsolated(string userId)
    {
        var store = await CreateStoreAsync();
        var neighbours = new[] { "a", "b", "a%002Fb", userId + "x" };
        foreach (var other in neighbours)
        {
            await store.UpsertFactsAsync(other, "t0", [new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None);
        }

        var stored = await store.UpsertFactsAsync(userId, "t1", [new("I like tea", FactKind.Preference, null), new("My name is Ada", FactKind.Profile, "profile.name")], T0, CancellationToken.None);

        Assert.All(stored, f => Assert.Equal(userId, f.UserId));
        Assert.Equal(userId, Assert.Single(await store.SearchFactsAsync(userId, "tea", 10, CancellationToken.None)).Fact.UserId);
        Assert.Equal("My name is Ada", Assert.Single(await store.ListFactsByKindAsync(userId, FactKind.Profile, 10, CancellationToken.None)).Text);
        Assert.Equal(2, (await ToListAsync(store.ExportFactsAsync(CancellationToken.None))).Count(f => f.UserId == userId));

        await store.EraseUserAsync(userId, CancellationToken.None);

        Assert.Empty(await store.ListFactsAsync(userId, 10, CancellationToken.None));
        foreach (var other in neighbours)
        {
            Assert.Single(await store.ListFactsAsync(other, 10, CancellationToken.None));
        }
    }

    // The journal also names files: the self-host refuses ids with '/', '\' or control characters there (its own ids
    // never have them), while '#', '?', '%' and '|' must work everywhere.
    [Theory]
    [InlineData("a#b?c")]
    [InlineData("a%2Fb|c")]
    [InlineData("a%002Fb")]
    public async Task UserIdsWithForbiddenKeyCharacters_JournalWorksAndStaysIsolated(string userId)
    {
        var store = await CreateStoreAsync();
        var neighbours = new[] { "a", "b", userId + "x" };
        foreach (var other in neighbours)
        {
            await store.AppendJournalAsync(other, Day1, "t0", "tea", CancellationToken.None);
        }

        await store.AppendJournalAsync(userId, Day1, "t1", "tea again", CancellationToken.None);

        Assert.Contains("tea again", Assert.Single(await store.ReadJournalAsync(userId, CancellationToken.None)).Markdown, StringComparison.Ordinal);
        Assert.Contains(await ToListAsync(store.ExportJournalAsync(CancellationToken.None)), d => d.UserId == userId && d.Markdown.Contains("tea again", StringComparison.Ordinal));

        await store.EraseUserAsync(userId, CancellationToken.None);

        Assert.Empty(await store.ReadJournalAsync(userId, CancellationToken.None));
        foreach (var other in neighbours)
        {
            Assert.DoesNotContain("tea again", Assert.Single(await store.ReadJournalAsync(other, CancellationToken.None)).Markdown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AppendJournalAsync_DayOverSixtyFourKibibytes_KeepsEveryEntryOnce()
    {
        var store = await CreateStoreAsync();
        var entry = new string('x', 1_000);
        for (var i = 0; i < 100; i++)
        {
            await store.AppendJournalAsync("u1", Day1, $"turn{i:D3}", $"- {i:D3} {entry}", CancellationToken.None);
        }

        // Retried activities append again.
        await store.AppendJournalAsync("u1", Day1, "turn000", $"- 000 {entry}", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day1, "turn099", $"- 099 {entry}", CancellationToken.None);

        var markdown = Assert.Single(await store.ReadJournalAsync("u1", CancellationToken.None)).Markdown;
        Assert.True(Encoding.UTF8.GetByteCount(markdown) > 64 * 1024);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(1, Occurrences(markdown, $"- {i:D3} x")));
        Assert.StartsWith("# 2025-03-01\n\n<!-- turn:turn000 -->\n- 000 x", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseUserAsync_WhileFactsAndJournalAreStillWritten_RunningItAgainLeavesNothing()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("other", "t0", [new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None);
        for (var i = 0; i < 20; i++)
        {
            await store.UpsertFactsAsync("u1", $"t{i}", [new($"fact number {i} about hiking", FactKind.Note, null)], T0.AddMinutes(i), CancellationToken.None);
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 100 && !stop.IsCancellationRequested; i++)
            {
                await store.UpsertFactsAsync("u1", $"late{i}", [new($"late fact {i} about hiking", FactKind.Note, null)], T0.AddHours(1).AddMinutes(i), CancellationToken.None);
                await store.AppendJournalAsync("u1", Day1, $"late{i}", $"late entry {i}", CancellationToken.None);
            }
        });

        await store.EraseUserAsync("u1", CancellationToken.None);
        await stop.CancelAsync();
        await writer;
        await store.EraseUserAsync("u1", CancellationToken.None);

        Assert.Empty(await store.ListFactsAsync("u1", 1000, CancellationToken.None));
        Assert.Empty(await store.SearchFactsAsync("u1", "hiking", 100, CancellationToken.None));
        Assert.Empty(await store.ReadJournalAsync("u1", CancellationToken.None));
        Assert.Single(await store.ListFactsAsync("other", 10, CancellationToken.None));
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
