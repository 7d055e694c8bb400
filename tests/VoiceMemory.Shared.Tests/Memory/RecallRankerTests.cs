using VoiceMemory.Memory;
using static VoiceMemory.Tests.Memory.MemoryTestData;

namespace VoiceMemory.Tests.Memory;

public sealed class RecallRankerTests
{
    private readonly RecallRanker _ranker = new(Options(o => o.RecencyHalfLifeDays = 30), new FixedClock(Now));

    [Fact]
    public void Rank_LexicalMatchAndUnrelatedNewerFact_MatchFirst()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("f1", "The user likes jazz", ageDays: 0), 0),
            new ScoredFact(Fact("f2", "The user is allergic to peanuts", ageDays: 60), 0.4),
        };

        var ranked = _ranker.Rank(candidates, 2);

        Assert.Equal(["f2", "f1"], ranked.Select(f => f.Id));
    }

    [Fact]
    public void Rank_EqualLexicalScores_NewerFirst()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("a-old", "The user has a dog called Rex", ageDays: 40), 2),
            new ScoredFact(Fact("b-new", "The user has a cat called Tom", ageDays: 1), 2),
        };

        var ranked = _ranker.Rank(candidates, 2);

        Assert.Equal(["b-new", "a-old"], ranked.Select(f => f.Id));
    }

    [Fact]
    public void Rank_OlderButMuchMoreRelevant_StillWins()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("fresh", "The user went to the shop", ageDays: 0), 1),
            new ScoredFact(Fact("old", "The user's daughter is called Emma", ageDays: 365), 10),
        };

        var ranked = _ranker.Rank(candidates, 2);

        Assert.Equal("old", ranked[0].Id);
    }

    [Fact]
    public void Rank_CompleteTie_OrderedById()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("b", "x", ageDays: 3), 1),
            new ScoredFact(Fact("a", "y", ageDays: 3), 1),
        };

        Assert.Equal(["a", "b"], _ranker.Rank(candidates, 2).Select(f => f.Id));
        Assert.Equal(["a", "b"], _ranker.Rank([.. candidates.Reverse()], 2).Select(f => f.Id));
    }

    [Fact]
    public void Rank_MoreCandidatesThanTopK_TopKReturned()
    {
        var candidates = Enumerable.Range(0, 10).Select(i => new ScoredFact(Fact($"f{i}", "fact", ageDays: 10 - i), i)).ToArray();

        var ranked = _ranker.Rank(candidates, 3);

        Assert.Equal(["f9", "f8", "f7"], ranked.Select(f => f.Id));
    }

    [Fact]
    public void Rank_SameFactTwice_ListedOnceWithItsBestScore()
    {
        var fact = Fact("f1", "The user likes tea", ageDays: 90);
        var candidates = new[]
        {
            new ScoredFact(fact, 0),
            new ScoredFact(Fact("f2", "The user likes coffee", ageDays: 0), 0),
            new ScoredFact(fact, 5),
        };

        var ranked = _ranker.Rank(candidates, 5);

        Assert.Equal(["f1", "f2"], ranked.Select(f => f.Id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rank_TopKNotPositive_Empty(int topK)
    {
        Assert.Empty(_ranker.Rank([new ScoredFact(Fact("f1", "x"), 1)], topK));
    }

    [Fact]
    public void Rank_NegativeOrNaNScores_TreatedAsNoOverlap()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("nan", "x", ageDays: 0), double.NaN),
            new ScoredFact(Fact("neg", "y", ageDays: 0), -3),
            new ScoredFact(Fact("hit", "z", ageDays: 200), 0.1),
        };

        var ranked = _ranker.Rank(candidates, 3);

        Assert.Equal("hit", ranked[0].Id);
    }

    [Fact]
    public void Rank_RecencyHalfLife_ShorterHalfLifeLetsFresherWeakMatchOvertake()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("strong-old", "a", ageDays: 20), 10),
            new ScoredFact(Fact("weak-new", "b", ageDays: 0), 8),
        };
        var longMemory = new RecallRanker(Options(o => o.RecencyHalfLifeDays = 3650), new FixedClock(Now));
        var shortMemory = new RecallRanker(Options(o => o.RecencyHalfLifeDays = 1), new FixedClock(Now));

        Assert.Equal("strong-old", longMemory.Rank(candidates, 2)[0].Id);
        Assert.Equal("weak-new", shortMemory.Rank(candidates, 2)[0].Id);
    }

    [Fact]
    public void Rank_SemanticSimilarity_ParaphraseWithoutSharedWordsCanWin()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("words", "The user went to the bank", ageDays: 0), 0.2),
            new ScoredFact(Fact("meaning", "The user's granddaughter is called Lily", ageDays: 0), 0),
        };
        var semantic = new Dictionary<string, double> { ["words"] = 0.1, ["meaning"] = 0.7 };

        Assert.Equal("words", _ranker.Rank(candidates, 2)[0].Id);
        Assert.Equal("meaning", _ranker.Rank(candidates, semantic, 2)[0].Id);
    }

    [Fact]
    public void Rank_SemanticScoreMissingForAFact_CountsAsUnrelated()
    {
        var candidates = new[]
        {
            new ScoredFact(Fact("a-unscored", "a", ageDays: 0), 1),
            new ScoredFact(Fact("b-scored", "b", ageDays: 0), 1),
        };

        var ranked = _ranker.Rank(candidates, new Dictionary<string, double> { ["b-scored"] = 0.7 }, 2);

        Assert.Equal(["b-scored", "a-unscored"], ranked.Select(f => f.Id));
    }
}
