using Moq;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Turns;
using static VoiceMemory.Tests.Memory.MemoryTestData;

namespace VoiceMemory.Tests.Memory;

public sealed class RecallServiceTests
{
    private readonly Mock<IMemoryStore> _memory = new(MockBehavior.Strict);
    private readonly Mock<ITurnStore> _turns = new(MockBehavior.Strict);
    private readonly MemoryFact _name = Fact("p-name", "The user's name is Alice", ageDays: 100, FactKind.Profile, FactKeys.Name);
    private readonly MemoryFact _home = Fact("p-home", "The user lives in Leeds", ageDays: 50, FactKind.Profile, FactKeys.Home);
    private readonly MemoryFact _allergy = Fact("h-peanuts", "The user is allergic to peanuts", ageDays: 200, FactKind.Health);
    private readonly MemoryFact _tea = Fact("p-tea", "The user likes tea", ageDays: 1, FactKind.Preference);

    public RecallServiceTests()
    {
        Setup(profile: [_name, _home], search: [], newest: [_tea, _home, _allergy, _name], turns: []);
    }

    private void Setup(MemoryFact[] profile, ScoredFact[] search, MemoryFact[] newest, TurnRecord[] turns)
    {
        _memory.Setup(m => m.ListFactsByKindAsync("u1", FactKind.Profile, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(profile);
        _memory.Setup(m => m.SearchFactsAsync("u1", It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(search);
        _memory.Setup(m => m.ListFactsAsync("u1", It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(newest);
        _turns.Setup(t => t.ListByUserAsync("u1", It.IsAny<int>(), null, It.IsAny<CancellationToken>())).ReturnsAsync(new TurnPage(turns, null));
    }

    private RecallService Service(Action<MemoryOptions>? configure = null, ITextEmbedder? embedder = null)
    {
        var options = Options(configure);
        return new RecallService(_memory.Object, _turns.Object, new RecallRanker(options, new FixedClock(Now)), options, embedder);
    }

    [Fact]
    public async Task RecallAsync_QueryAboutSomethingElse_ProfileFactsStillPresentAndNotRepeated()
    {
        Setup(profile: [_name, _home], search: [new ScoredFact(_allergy, 3), new ScoredFact(_home, 1)], newest: [_tea, _home, _name], turns: []);

        var context = await Service().RecallAsync("u1", "am I allergic to peanuts", "t9", CancellationToken.None);

        Assert.Equal(["p-name", "p-home"], context.ProfileFacts.Select(f => f.Id));
        Assert.Equal("h-peanuts", context.RelevantFacts[0].Id);
        Assert.DoesNotContain(context.RelevantFacts, f => f.Id is "p-name" or "p-home");
    }

    [Fact]
    public async Task RecallAsync_NoSharedWords_NewestFactsAreRecalled()
    {
        var context = await Service().RecallAsync("u1", "what do you remember about me", "t9", CancellationToken.None);

        Assert.Equal(["p-tea", "h-peanuts"], context.RelevantFacts.Select(f => f.Id));
    }

    [Fact]
    public async Task RecallAsync_TopK_LimitsRelevantFacts()
    {
        var context = await Service(o => o.TopK = 1).RecallAsync("u1", "hello", "t9", CancellationToken.None);

        Assert.Single(context.RelevantFacts);
    }

    [Fact]
    public async Task RecallAsync_BlankQuery_DoesNotSearch()
    {
        await Service().RecallAsync("u1", " ", "t9", CancellationToken.None);

        _memory.Verify(m => m.SearchFactsAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RecallAsync_RecentTurns_CurrentAndUnusableTurnsSkippedOldestFirst()
    {
        var crisis = Turn("t-crisis", "ignored", "crisis message", 3) with { Transcript = null, Safety = new SafetyOutcome(true, "self_harm", SafetyAction.CrisisReply) };
        var silent = Turn("t-silent", "", "", 4) with { Reply = Reply.None };
        var running = Turn("t-running", "still going", "", 1) with { State = TurnState.Running, Reply = null };
        Setup(
            profile: [],
            search: [],
            newest: [],
            turns: [Turn("t9", "current words", "current reply", 0), running, Turn("t3", "third", "r3", 2), crisis, silent, Turn("t2", "second", "r2", 5), Turn("t1", "first", "r1", 6)]);

        var context = await Service(o => o.RecentTurns = 6).RecallAsync("u1", "hi", "t9", CancellationToken.None);

        Assert.Equal(["t1", "t2", "t3"], context.RecentTurns.Select(t => t.TurnId));
        Assert.Equal(("first", "r1"), (context.RecentTurns[0].UserText, context.RecentTurns[0].ReplyText));
    }

    [Fact]
    public async Task RecallAsync_MoreTurnsThanWanted_NewestKept()
    {
        Setup(profile: [], search: [], newest: [], turns: [Turn("t4", "d", "r", 1), Turn("t3", "c", "r", 2), Turn("t2", "b", "r", 3), Turn("t1", "a", "r", 4)]);

        var context = await Service(o => o.RecentTurns = 2).RecallAsync("u1", "hi", "t9", CancellationToken.None);

        Assert.Equal(["t3", "t4"], context.RecentTurns.Select(t => t.TurnId));
    }

    [Fact]
    public async Task RecallAsync_FactsOrTurnsOfAnotherUser_LeftOut()
    {
        var foreign = Fact("x", "The user likes tea", kind: FactKind.Preference, userId: "u2");
        Setup(profile: [_name], search: [new ScoredFact(foreign, 5)], newest: [foreign], turns: [Turn("tx", "secret", "r", 1, userId: "u2")]);

        var context = await Service().RecallAsync("u1", "tea", "t9", CancellationToken.None);

        Assert.DoesNotContain(context.AllFacts, f => f.UserId != "u1");
        Assert.Empty(context.RecentTurns);
    }

    [Fact]
    public async Task RecallAsync_WithEmbedder_OneCallWithQueryAndCandidatesAndSimilarityChangesTheOrder()
    {
        var bank = Fact("bank", "The user went to the bank", ageDays: 0);
        var lily = Fact("lily", "The user's granddaughter is called Lily", ageDays: 0, FactKind.Relationship);
        Setup(profile: [], search: [new ScoredFact(bank, 0.5)], newest: [bank, lily], turns: []);
        var embedder = new Mock<ITextEmbedder>(MockBehavior.Strict);
        IReadOnlyList<string>? sent = null;
        embedder
            .Setup(e => e.EmbedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<string>, CancellationToken>((texts, _) => sent = texts)
            .ReturnsAsync((IReadOnlyList<string> texts, CancellationToken _) => texts.Select(t => t.Contains("Lily", StringComparison.Ordinal) || t.Contains("grandchild", StringComparison.Ordinal) ? new[] { 1f, 0f } : new[] { 0.1f, 1f }).ToList());

        var lexical = await Service().RecallAsync("u1", "tell me about my grandchild", "t9", CancellationToken.None);
        var blended = await Service(embedder: embedder.Object).RecallAsync("u1", "tell me about my grandchild", "t9", CancellationToken.None);

        Assert.Equal("bank", lexical.RelevantFacts[0].Id);
        Assert.Equal("lily", blended.RelevantFacts[0].Id);
        embedder.Verify(e => e.EmbedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(["tell me about my grandchild", "The user went to the bank", "The user's granddaughter is called Lily"], sent);
    }

    [Fact]
    public async Task RecallAsync_EmbedderThrows_FallsBackToLexicalRanking()
    {
        Setup(profile: [_name], search: [new ScoredFact(_allergy, 2)], newest: [_tea, _allergy], turns: []);
        var embedder = new Mock<ITextEmbedder>();
        embedder.Setup(e => e.EmbedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("503"));

        var expected = await Service().RecallAsync("u1", "peanuts", "t9", CancellationToken.None);
        var actual = await Service(embedder: embedder.Object).RecallAsync("u1", "peanuts", "t9", CancellationToken.None);

        Assert.Equal(expected.RelevantFacts, actual.RelevantFacts);
        Assert.Equal(expected.ProfileFacts, actual.ProfileFacts);
    }

    [Fact]
    public async Task RecallAsync_EmbedderReturnsWrongNumberOfVectors_FallsBackToLexicalRanking()
    {
        Setup(profile: [], search: [new ScoredFact(_allergy, 2)], newest: [_tea, _allergy], turns: []);
        var embedder = new Mock<ITextEmbedder>();
        embedder.Setup(e => e.EmbedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>())).ReturnsAsync([new[] { 1f }]);

        var context = await Service(embedder: embedder.Object).RecallAsync("u1", "peanuts", "t9", CancellationToken.None);

        Assert.Equal(["h-peanuts", "p-tea"], context.RelevantFacts.Select(f => f.Id));
    }

    [Fact]
    public async Task RecallAsync_CancelledWhileEmbedding_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var embedder = new Mock<ITextEmbedder>();
        embedder
            .Setup(e => e.EmbedAsync(It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<string> _, CancellationToken token) =>
            {
                await cancellation.CancelAsync();
                token.ThrowIfCancellationRequested();
                return [];
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Service(embedder: embedder.Object).RecallAsync("u1", "tea", "t9", cancellation.Token));
    }

    [Fact]
    public async Task RecallAsync_OverBudget_RelevantFactsAndOldTurnsDroppedBeforeProfile()
    {
        var relevant = Enumerable.Range(0, 5).Select(i => new ScoredFact(Fact($"r{i}", new string('x', 100), ageDays: i), 5 - i)).ToArray();
        var turns = Enumerable.Range(0, 4).Select(i => Turn($"t{i}", new string('u', 100), new string('r', 100), 10 - i)).ToArray();
        Setup(profile: [_name, _home], search: relevant, newest: [], turns: [.. turns.Reverse()]);

        var context = await Service(o => o.BudgetChars = 700).RecallAsync("u1", "x", "t9", CancellationToken.None);

        var used = context.AllFacts.Sum(f => f.Text.Length) + context.RecentTurns.Sum(t => t.UserText.Length + t.ReplyText.Length);
        Assert.True(used <= 700, $"used {used}");
        Assert.Equal(["p-name", "p-home"], context.ProfileFacts.Select(f => f.Id));
        Assert.Equal(["t2", "t3"], context.RecentTurns.Select(t => t.TurnId));
        Assert.Equal(["r0", "r1"], context.RelevantFacts.Select(f => f.Id));
    }

    [Fact]
    public async Task RecallAsync_BudgetSmallerThanProfile_NameKeptLongest()
    {
        var longHome = Fact("p-home", "The user lives in " + new string('y', 300), kind: FactKind.Profile, key: FactKeys.Home);
        Setup(profile: [_name, longHome], search: [new ScoredFact(_allergy, 2)], newest: [], turns: [Turn("t1", "hello", "hi", 1)]);

        var context = await Service(o => o.BudgetChars = 200).RecallAsync("u1", "peanuts", "t9", CancellationToken.None);

        Assert.Equal(["p-name"], context.ProfileFacts.Select(f => f.Id));
        Assert.Empty(context.RelevantFacts);
        Assert.Empty(context.RecentTurns);
    }

    [Fact]
    public async Task RecallAsync_LongTypedTurn_ClippedSoOtherMemoriesSurvive()
    {
        Setup(profile: [_name], search: [new ScoredFact(_allergy, 2)], newest: [], turns: [Turn("t1", new string('w', 5000), "ok", 1)]);

        var context = await Service(o => o.BudgetChars = 2000).RecallAsync("u1", "peanuts", "t9", CancellationToken.None);

        var turn = Assert.Single(context.RecentTurns);
        Assert.True(turn.UserText.Length <= 250);
        Assert.Contains(context.RelevantFacts, f => f.Id == "h-peanuts");
    }
}
