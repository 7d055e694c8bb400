using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Testing.Contracts;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteMemoryStoreTests : MemoryStoreContract, IDisposable
{
    private static readonly DateOnly Day = new(2025, 3, 1);
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    protected override async Task<IMemoryStore> CreateStoreAsync() => new SqliteMemoryStore(await TestDatabase.CreateAsync(folder), folder.Combine("journal"));

    protected override async Task<IMemoryStore> CreateSecondStoreAsync() => new SqliteMemoryStore(await TestDatabase.CreateAsync(folder, "second.db"), folder.Combine("journal2"));

    [Fact]
    public async Task AppendJournalAsync_NewDay_WritesDayFileWithHeaderAndMarker()
    {
        var store = await CreateStoreAsync();

        await store.AppendJournalAsync("u1", Day, "t1", "- You like tea.\n", CancellationToken.None);

        var path = folder.Combine("journal", "u1", "2025-03-01.md");
        Assert.Equal("# 2025-03-01\n\n<!-- turn:t1 -->\n- You like tea.\n", await File.ReadAllTextAsync(path));
        Assert.Equal(["2025-03-01.md"], Directory.GetFiles(folder.Combine("journal", "u1")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task AppendJournalAsync_EntryImitatingAMarker_CannotSuppressALaterTurn()
    {
        var store = await CreateStoreAsync();

        await store.AppendJournalAsync("u1", Day, "t1", "I typed <!-- turn:t2 --> on purpose", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day, "t1b", "<!-- turn:t2 -->", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day, "t2", "the real second entry", CancellationToken.None);

        var markdown = Assert.Single(await store.ReadJournalAsync("u1", CancellationToken.None)).Markdown;
        Assert.Contains("the real second entry", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;!-- turn:t2 -->", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("..")]
    [InlineData(".hidden")]
    [InlineData("")]
    public async Task AppendJournalAsync_UserIdThatIsNotAFolderName_Throws(string userId)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendJournalAsync(userId, Day, "t1", "x", CancellationToken.None));
        Assert.False(Directory.Exists(folder.Combine("escape")));
    }

    [Fact]
    public async Task EraseUserAsync_IdThatCannotNameAFolder_ErasesFactsAndTouchesNoFolder()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("../journal", "t1", [new("I like tea", FactKind.Preference, null)], MemoryStoreContract.T0, CancellationToken.None);
        await store.AppendJournalAsync("u1", Day, "t1", "x", CancellationToken.None);

        await store.EraseUserAsync("../journal", CancellationToken.None);

        Assert.Empty(await store.ListFactsAsync("../journal", 10, CancellationToken.None));
        Assert.Single(await store.ReadJournalAsync("u1", CancellationToken.None));
    }

    [Fact]
    public async Task EraseUserAsync_UserWithJournal_RemovesTheUsersFolder()
    {
        var store = await CreateStoreAsync();
        await store.AppendJournalAsync("u1", Day, "t1", "x", CancellationToken.None);

        await store.EraseUserAsync("u1", CancellationToken.None);

        Assert.False(Directory.Exists(folder.Combine("journal", "u1")));
    }

    [Fact]
    public async Task SearchFactsAsync_MoreMatchesThanTheCandidateWindow_RanksTheSelectiveTermAndStaysWithinLimit()
    {
        var db = await TestDatabase.CreateAsync(folder);
        var store = new SqliteMemoryStore(db, folder.Combine("journal"));
        var common = Enumerable.Range(0, SqliteMemoryStore.DefaultCandidateWindow + 500)
            .Select(i => new ExtractedFact($"my friend number {i} likes music", FactKind.Note, null))
            .ToList();
        // The one fact with the rare word is the oldest: a window over the newest matches alone would miss it.
        await store.UpsertFactsAsync("u1", "t0", [new("my friend Kofi makes pottery", FactKind.Relationship, null)], MemoryStoreContract.T0, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t1", common, MemoryStoreContract.T0.AddDays(1), CancellationToken.None);

        var selective = await store.SearchFactsAsync("u1", "what does my friend Kofi make", 5, CancellationToken.None);
        var onlyCommon = await store.SearchFactsAsync("u1", "friend music", 5, CancellationToken.None);

        Assert.Equal("my friend Kofi makes pottery", selective[0].Fact.Text);
        Assert.Equal(5, onlyCommon.Count);
        Assert.All(onlyCommon, f => Assert.Contains("music", f.Fact.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchFactsAsync_ExplicitWindow_RanksOnlyTheNewestMatchesOfACommonTerm()
    {
        var db = await TestDatabase.CreateAsync(folder);
        var bounded = new SqliteMemoryStore(db, folder.Combine("journal"), candidateWindow: 10);
        var unbounded = new SqliteMemoryStore(db, folder.Combine("journal"), candidateWindow: int.MaxValue - 1);
        // The oldest fact is the best bm25 match (short, the term twice); 30 newer ones match it once in longer text.
        await bounded.UpsertFactsAsync("u1", "t0", [new("tea tea", FactKind.Preference, null)], MemoryStoreContract.T0, CancellationToken.None);
        for (var i = 0; i < 30; i++)
        {
            await bounded.UpsertFactsAsync("u1", $"t{i + 1}", [new($"had tea with neighbour number {i} in the long afternoon", FactKind.Event, null)], MemoryStoreContract.T0.AddHours(i + 1), CancellationToken.None);
        }

        var top = await unbounded.SearchFactsAsync("u1", "tea", 1, CancellationToken.None);
        var windowed = await bounded.SearchFactsAsync("u1", "tea", 1, CancellationToken.None);

        Assert.Equal("tea tea", top[0].Fact.Text);
        Assert.NotEqual("tea tea", windowed[0].Fact.Text);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task Constructor_WindowNotPositive_Throws(int window)
    {
        var db = await TestDatabase.CreateAsync(folder);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SqliteMemoryStore(db, folder.Combine("journal"), window));
    }
}
