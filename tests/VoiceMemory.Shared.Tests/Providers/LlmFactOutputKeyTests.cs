using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Providers;

/// <summary>The LLM extractor accepts exactly the heuristic extractor's keys, so facts from either replace each other.</summary>
public sealed class LlmFactOutputKeyTests
{
    [Theory]
    [InlineData("My name is Alice.")]
    [InlineData("I live in Leeds.")]
    [InlineData("I am 72 years old.")]
    [InlineData("My favourite colour is blue.")]
    [InlineData("I like tea.")]
    [InlineData("My daughter is called Emma.")]
    public void IsAllowedKey_EveryKeyTheHeuristicExtractorProduces_IsAllowed(string sentence)
    {
        var keyed = new HeuristicFactExtractor().Extract(sentence, "en-US").Where(f => f.Key is not null).ToList();

        Assert.NotEmpty(keyed);
        Assert.All(keyed, f => Assert.True(LlmFactOutput.IsAllowedKey(f.Key!), f.Key));
    }

    [Theory]
    [InlineData("profile.location")]
    [InlineData("profile.name.extra")]
    [InlineData("relationship.")]
    [InlineData("relationship.Best Friend")]
    [InlineData("preference.item.tea; drop table")]
    [InlineData("anything")]
    public void IsAllowedKey_InventedOrMalformedKeys_AreRejected(string key) => Assert.False(LlmFactOutput.IsAllowedKey(key));

    [Fact]
    public void Parse_KeyedFactFromTheModel_HasTheSameIdAsTheHeuristicFact()
    {
        var fromModel = LlmFactOutput.Parse("""{"facts":[{"text":"The user's name is Alice.","kind":"profile","key":"profile.name"}]}""")!.Single();
        var fromHeuristic = new HeuristicFactExtractor().Extract("My name is Alice.", "en-US").Single(f => f.Key == FactKeys.Name);

        Assert.Equal(FactIdentity.IdFor("u1", fromHeuristic), FactIdentity.IdFor("u1", fromModel));
    }
}
