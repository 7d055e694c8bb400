using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.Testing.Contracts;

/// <summary>What every <see cref="IMemoryStore"/> adapter must do. A concrete test class supplies fresh, empty stores.</summary>
public abstract partial class MemoryStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly Day1 = new(2025, 3, 1);
    private static readonly DateOnly Day2 = new(2025, 3, 2);

    /// <summary>A new, empty store.</summary>
    protected abstract Task<IMemoryStore> CreateStoreAsync();

    /// <summary>Another new, empty store, independent of the first (the target of an export/import round trip).</summary>
    protected abstract Task<IMemoryStore> CreateSecondStoreAsync();

    [Fact]
    public async Task UpsertFactsAsync_NewFacts_StoresThemWithIdsFromFactIdentity()
    {
        var store = await CreateStoreAsync();
        ExtractedFact name = new("My name is Ada", FactKind.Profile, "profile.name");
        ExtractedFact allergy = new("I am allergic to peanuts", FactKind.Health, null);

        var stored = await store.UpsertFactsAsync("u1", "t1", [name, allergy], T0, CancellationToken.None);

        Assert.Equal([FactIdentity.IdFor("u1", name), FactIdentity.IdFor("u1", allergy)], stored.Select(f => f.Id));
        var first = stored[0];
        Assert.Equal(("u1", "My name is Ada", FactKind.Profile, "profile.name", "t1"), (first.UserId, first.Text, first.Kind, first.Key, first.SourceTurnId));
        Assert.Equal((T0, T0), (first.CreatedAt, first.UpdatedAt));
        Assert.Equal(stored.OrderBy(f => f.Id), (await store.ListFactsAsync("u1", 10, CancellationToken.None)).OrderBy(f => f.Id));
    }

    [Fact]
    public async Task UpsertFactsAsync_SameFactsTwice_LeavesOneOfEach()
    {
        var store = await CreateStoreAsync();
        ExtractedFact[] facts = [new("I like tea", FactKind.Preference, null), new("My sister is Mia", FactKind.Relationship, "relationship.sister")];

        await store.UpsertFactsAsync("u1", "t1", facts, T0, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t1", facts, T0, CancellationToken.None);
        // Same text up to case, spacing and final punctuation is the same fact.
        await store.UpsertFactsAsync("u1", "t2", [new("I  like TEA.", FactKind.Preference, null)], T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(2, (await store.ListFactsAsync("u1", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task UpsertFactsAsync_KeyedFactAgain_SupersedesTextAndKeepsCreatedAt()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I live in Oslo", FactKind.Profile, "profile.city")], T0, CancellationToken.None);

        var stored = await store.UpsertFactsAsync("u1", "t2", [new("I live in Lima", FactKind.Profile, "profile.city")], T0.AddDays(3), CancellationToken.None);

        var fact = Assert.Single(await store.ListFactsAsync("u1", 10, CancellationToken.None));
        Assert.Equal(stored.Single(), fact);
        Assert.Equal(("I live in Lima", "t2", T0, T0.AddDays(3)), (fact.Text, fact.SourceTurnId, fact.CreatedAt, fact.UpdatedAt));
        Assert.Empty(await store.SearchFactsAsync("u1", "Oslo", 10, CancellationToken.None));
        Assert.Equal(fact.Id, Assert.Single(await store.SearchFactsAsync("u1", "Lima", 10, CancellationToken.None)).Fact.Id);
    }

    [Fact]
    public async Task UpsertFactsAsync_SameKeyForTwoUsers_KeepsBoth()
    {
        var store = await CreateStoreAsync();

        await store.UpsertFactsAsync("u1", "t1", [new("My name is Ada", FactKind.Profile, "profile.name")], T0, CancellationToken.None);
        await store.UpsertFactsAsync("u2", "t2", [new("My name is Bo", FactKind.Profile, "profile.name")], T0, CancellationToken.None);

        Assert.Equal("My name is Ada", Assert.Single(await store.ListFactsAsync("u1", 10, CancellationToken.None)).Text);
        Assert.Equal("My name is Bo", Assert.Single(await store.ListFactsAsync("u2", 10, CancellationToken.None)).Text);
    }

    [Fact]
    public async Task ListFactsAsync_SeveralUpdates_MostRecentlyUpdatedFirstWithinLimit()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("fact one", FactKind.Note, null)], T0, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t2", [new("fact two", FactKind.Note, null)], T0.AddMinutes(1), CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t3", [new("fact three", FactKind.Note, null)], T0.AddMinutes(2), CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t4", [new("fact one", FactKind.Note, null)], T0.AddMinutes(3), CancellationToken.None);

        var listed = await store.ListFactsAsync("u1", 2, CancellationToken.None);

        Assert.Equal(["fact one", "fact three"], listed.Select(f => f.Text));
    }

    [Fact]
    public async Task ListFactsByKindAsync_MixedKinds_ReturnsOnlyThatKindNewestFirst()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("My name is Ada", FactKind.Profile, "profile.name"), new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t2", [new("I am 40", FactKind.Profile, "profile.age")], T0.AddMinutes(1), CancellationToken.None);
        await store.UpsertFactsAsync("u2", "t3", [new("My name is Bo", FactKind.Profile, "profile.name")], T0.AddMinutes(2), CancellationToken.None);

        var profile = await store.ListFactsByKindAsync("u1", FactKind.Profile, 10, CancellationToken.None);

        Assert.Equal(["I am 40", "My name is Ada"], profile.Select(f => f.Text));
        Assert.Empty(await store.ListFactsByKindAsync("u1", FactKind.Health, 10, CancellationToken.None));
    }

    [Fact]
    public async Task SearchFactsAsync_Question_RanksTheFactSharingMoreWordsFirst()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1",
        [
            new("I am allergic to peanuts", FactKind.Health, null),
            new("My sister lives in Boston", FactKind.Relationship, null),
            new("Peanuts are a legume", FactKind.Note, null),
            new("My favorite color is blue", FactKind.Preference, null),
        ], T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", "Am I allergic to peanuts?", 10, CancellationToken.None);

        Assert.Equal(["I am allergic to peanuts", "Peanuts are a legume"], found.Select(f => f.Fact.Text));
        Assert.True(found[0].LexicalScore > found[1].LexicalScore);
        Assert.All(found, f => Assert.True(f.LexicalScore > 0));
    }

    [Fact]
    public async Task SearchFactsAsync_Limit_ReturnsBestWithinLimit()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", Enumerable.Range(0, 20).Select(i => new ExtractedFact($"I went hiking on trail {i}", FactKind.Event, null)).ToList(), T0, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t2", [new("Hiking hiking hiking with Mia", FactKind.Event, null)], T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", "hiking with Mia", 3, CancellationToken.None);

        Assert.Equal(3, found.Count);
        Assert.Equal("Hiking hiking hiking with Mia", found[0].Fact.Text);
    }

    [Fact]
    public async Task SearchFactsAsync_OtherUsersFacts_AreNeverReturned()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I am allergic to peanuts", FactKind.Health, null)], T0, CancellationToken.None);
        await store.UpsertFactsAsync("u2", "t2", Enumerable.Range(0, 30).Select(i => new ExtractedFact($"allergic to peanuts case {i}", FactKind.Health, null)).ToList(), T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", "allergic peanuts", 50, CancellationToken.None);

        Assert.Equal("u1", Assert.Single(found).Fact.UserId);
        Assert.Empty(await store.SearchFactsAsync("u3", "allergic peanuts", 50, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!.,;")]
    public async Task SearchFactsAsync_NothingSearchable_ReturnsNoFacts(string query)
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None);

        Assert.Empty(await store.SearchFactsAsync("u1", query, 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("tea\" OR \"coffee")]
    [InlineData("NEAR(tea coffee) AND *")]
    [InlineData("search_text:tea ^tea (tea")]
    [InlineData("tea -- ' ; DROP TABLE facts")]
    public async Task SearchFactsAsync_QueryWithSearchSyntax_IsTreatedAsWords(string query)
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I like tea", FactKind.Preference, null), new("I drink coffee", FactKind.Preference, null)], T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", query, 10, CancellationToken.None);

        Assert.Contains(found, f => f.Fact.Text == "I like tea");
        Assert.Equal(2, (await store.ListFactsAsync("u1", 10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task SearchFactsAsync_OnlyCommonWords_StillFindsFacts()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("Who am I? I am me.", FactKind.Note, null), new("Blue sky", FactKind.Note, null)], T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", "who am I", 10, CancellationToken.None);

        Assert.Equal("Who am I? I am me.", Assert.Single(found).Fact.Text);
    }

    [Fact]
    public async Task SearchFactsAsync_AccentsAndCase_AreFolded()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I love Café Crème", FactKind.Preference, null)], T0, CancellationToken.None);

        Assert.Single(await store.SearchFactsAsync("u1", "cafe creme", 10, CancellationToken.None));
    }

    [Theory]
    [InlineData("我对什么过敏？", "我对花生过敏")]
    [InlineData("花生", "我对花生过敏")]
    [InlineData("我妹妹叫什么名字", "我的妹妹叫小丽")]
    [InlineData("上海", "我住在上海")]
    public async Task SearchFactsAsync_ChineseQuery_FindsFactsSharingWords(string query, string expected)
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1",
        [
            new("我对花生过敏", FactKind.Health, null),
            new("我的妹妹叫小丽", FactKind.Relationship, "relationship.sister"),
            new("我住在上海", FactKind.Profile, "profile.city"),
            new("I like tea", FactKind.Preference, null),
        ], T0, CancellationToken.None);

        var found = await store.SearchFactsAsync("u1", query, 10, CancellationToken.None);

        Assert.NotEmpty(found);
        Assert.Equal(expected, found[0].Fact.Text);
    }

    [Fact]
    public async Task DeleteFactAsync_OwnAndOthersFact_DeletesOnlyOwnEverywhere()
    {
        var store = await CreateStoreAsync();
        var fact = (await store.UpsertFactsAsync("u1", "t1", [new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None)).Single();

        Assert.False(await store.DeleteFactAsync("u2", fact.Id, CancellationToken.None));
        Assert.Single(await store.SearchFactsAsync("u1", "tea", 10, CancellationToken.None));
        Assert.True(await store.DeleteFactAsync("u1", fact.Id, CancellationToken.None));
        Assert.False(await store.DeleteFactAsync("u1", fact.Id, CancellationToken.None));

        Assert.Empty(await store.ListFactsAsync("u1", 10, CancellationToken.None));
        Assert.Empty(await store.SearchFactsAsync("u1", "tea", 10, CancellationToken.None));
    }

    [Fact]
    public async Task AppendJournalAsync_SameTurnTwice_WritesOneEntry()
    {
        var store = await CreateStoreAsync();

        await store.AppendJournalAsync("u1", Day1, "t1", "- 09:30 You said you like tea.", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day1, "t1", "- 09:30 You said you like tea.", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day1, "t2", "- 09:31 You mentioned Mia.", CancellationToken.None);

        var day = Assert.Single(await store.ReadJournalAsync("u1", CancellationToken.None));
        Assert.Equal(("u1", Day1), (day.UserId, day.Day));
        Assert.Equal(1, Occurrences(day.Markdown, "You said you like tea."));
        Assert.True(day.Markdown.IndexOf("like tea", StringComparison.Ordinal) < day.Markdown.IndexOf("Mia", StringComparison.Ordinal));
        Assert.Contains("2025-03-01", day.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendJournalAsync_FiftyTurnsInParallel_KeepsAllFifty()
    {
        var store = await CreateStoreAsync();
        // A day that already holds about 1 MB makes each read-modify-write take long enough that unsynchronised
        // appends would overlap (and lose entries) on every run, not just on an unlucky one.
        var earlier = string.Concat(Enumerable.Range(0, 12_000).Select(i => $"\n<!-- turn:old{i} -->\n- an earlier entry, number {i}.\n"));
        await store.ImportJournalDayAsync(new JournalDay("u1", Day1, "# 2025-03-01\n" + earlier), CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appends = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            await store.AppendJournalAsync("u1", Day1, $"turn{i:D2}", $"- entry number {i:D2}.", CancellationToken.None);
        })).ToList();

        gate.SetResult();
        await Task.WhenAll(appends);

        var markdown = Assert.Single(await store.ReadJournalAsync("u1", CancellationToken.None)).Markdown;
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal(1, Occurrences(markdown, $"entry number {i:D2}.")));
        Assert.Equal(1, Occurrences(markdown, "number 11999."));
    }

    [Fact]
    public async Task ReadJournalAsync_SeveralDaysAndUsers_ReturnsOwnDaysOldestFirst()
    {
        var store = await CreateStoreAsync();
        await store.AppendJournalAsync("u1", Day2, "t2", "second day", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day1, "t1", "first day", CancellationToken.None);
        await store.AppendJournalAsync("u2", Day1, "t3", "someone else", CancellationToken.None);

        var days = await store.ReadJournalAsync("u1", CancellationToken.None);

        Assert.Equal([Day1, Day2], days.Select(d => d.Day));
        Assert.Contains("first day", days[0].Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(days, d => d.Markdown.Contains("someone else", StringComparison.Ordinal));
        Assert.Empty(await store.ReadJournalAsync("u9", CancellationToken.None));
    }

    [Fact]
    public async Task EraseUserAsync_UserWithFactsAndJournal_LeavesNothingOfThatUser()
    {
        var store = await CreateStoreAsync();
        await store.UpsertFactsAsync("u1", "t1", [new("I like tea", FactKind.Preference, null), new("My name is Ada", FactKind.Profile, "profile.name")], T0, CancellationToken.None);
        await store.AppendJournalAsync("u1", Day1, "t1", "tea", CancellationToken.None);
        await store.UpsertFactsAsync("u2", "t2", [new("I like tea too", FactKind.Preference, null)], T0, CancellationToken.None);
        await store.AppendJournalAsync("u2", Day1, "t2", "tea too", CancellationToken.None);

        await store.EraseUserAsync("u1", CancellationToken.None);

        Assert.Empty(await store.ListFactsAsync("u1", 10, CancellationToken.None));
        Assert.Empty(await store.SearchFactsAsync("u1", "tea", 10, CancellationToken.None));
        Assert.Empty(await store.ReadJournalAsync("u1", CancellationToken.None));
        Assert.DoesNotContain(await ToListAsync(store.ExportFactsAsync(CancellationToken.None)), f => f.UserId == "u1");
        Assert.DoesNotContain(await ToListAsync(store.ExportJournalAsync(CancellationToken.None)), d => d.UserId == "u1");
        Assert.Single(await store.ListFactsAsync("u2", 10, CancellationToken.None));
        Assert.Single(await store.ReadJournalAsync("u2", CancellationToken.None));
        // Erasing again (or a user with nothing) is not an error.
        await store.EraseUserAsync("u1", CancellationToken.None);
    }

    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_RoundTripsFactsAndJournal()
    {
        var source = await CreateStoreAsync();
        await source.UpsertFactsAsync("u1", "t1", [new("I live in Oslo", FactKind.Profile, "profile.city"), new("我对花生过敏", FactKind.Health, null)], T0, CancellationToken.None);
        await source.UpsertFactsAsync("u1", "t2", [new("I live in Lima", FactKind.Profile, "profile.city")], T0.AddDays(1).AddTicks(1234), CancellationToken.None);
        await source.UpsertFactsAsync("u2", "t3", [new("I like tea", FactKind.Preference, null)], T0, CancellationToken.None);
        await source.AppendJournalAsync("u1", Day1, "t1", "moved to Oslo", CancellationToken.None);
        await source.AppendJournalAsync("u1", Day2, "t2", "moved to Lima", CancellationToken.None);
        await source.AppendJournalAsync("u2", Day1, "t3", "tea", CancellationToken.None);

        var facts = await ToListAsync(source.ExportFactsAsync(CancellationToken.None));
        var journal = await ToListAsync(source.ExportJournalAsync(CancellationToken.None));
        var target = await CreateSecondStoreAsync();
        foreach (var fact in facts)
        {
            await target.ImportFactAsync(fact, CancellationToken.None);
        }

        foreach (var day in journal)
        {
            await target.ImportJournalDayAsync(day, CancellationToken.None);
        }

        Assert.Equal(3, facts.Count);
        Assert.Equal(3, journal.Count);
        Assert.Equal(facts.OrderBy(f => f.Id), (await ToListAsync(target.ExportFactsAsync(CancellationToken.None))).OrderBy(f => f.Id));
        Assert.Equal(journal.OrderBy(d => (d.UserId, d.Day)), (await ToListAsync(target.ExportJournalAsync(CancellationToken.None))).OrderBy(d => (d.UserId, d.Day)));
        // The restored store is fully working: searchable, and journal appends stay idempotent.
        Assert.Equal("我对花生过敏", Assert.Single(await target.SearchFactsAsync("u1", "花生", 10, CancellationToken.None)).Fact.Text);
        await target.AppendJournalAsync("u1", Day1, "t1", "moved to Oslo", CancellationToken.None);
        Assert.Equal(1, Occurrences((await target.ReadJournalAsync("u1", CancellationToken.None))[0].Markdown, "moved to Oslo"));
    }

    [Fact]
    public async Task ImportFactAsync_ExistingId_ReplacesItExactly()
    {
        var store = await CreateStoreAsync();
        var fact = (await store.UpsertFactsAsync("u1", "t1", [new("I live in Oslo", FactKind.Profile, "profile.city")], T0, CancellationToken.None)).Single();
        var restored = fact with { Text = "I live in Bergen", SourceTurnId = "t0", CreatedAt = T0.AddYears(-1), UpdatedAt = T0.AddDays(-2) };

        await store.ImportFactAsync(restored, CancellationToken.None);

        Assert.Equal(restored, Assert.Single(await store.ListFactsAsync("u1", 10, CancellationToken.None)));
        Assert.Single(await store.SearchFactsAsync("u1", "Bergen", 10, CancellationToken.None));
        Assert.Empty(await store.SearchFactsAsync("u1", "Oslo", 10, CancellationToken.None));
    }

    [Fact]
    public async Task ImportJournalDayAsync_ExistingDay_ReplacesThatDayOnly()
    {
        var store = await CreateStoreAsync();
        await store.AppendJournalAsync("u1", Day1, "t1", "old entry", CancellationToken.None);
        await store.AppendJournalAsync("u1", Day2, "t2", "other day", CancellationToken.None);

        await store.ImportJournalDayAsync(new JournalDay("u1", Day1, "# 2025-03-01\n\nrestored entry\n"), CancellationToken.None);

        var days = await store.ReadJournalAsync("u1", CancellationToken.None);
        Assert.Equal("# 2025-03-01\n\nrestored entry\n", days[0].Markdown);
        Assert.Contains("other day", days[1].Markdown, StringComparison.Ordinal);
    }

    protected static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
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
