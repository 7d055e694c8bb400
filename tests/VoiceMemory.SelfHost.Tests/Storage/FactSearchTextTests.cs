using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class FactSearchTextTests
{
    private static readonly string Tag = FactSearchText.UserTag("u1");

    private static IEnumerable<string> Terms(string query) =>
        FactSearchText.ToQueryTerms("u1", query).Select(t => t.Replace(Tag, "", StringComparison.Ordinal));

    [Fact]
    public void ToQueryTerms_Question_QuotesContentWordsAndDropsStopWords()
    {
        Assert.Equal(["\"allergic\"", "\"peanuts\""], Terms("What am I ALLERGIC to... peanuts?"));
    }

    [Fact]
    public void ToQueryTerms_OnlyStopWords_KeepsThem()
    {
        Assert.Equal(["\"who\"", "\"am\"", "\"i\""], Terms("Who am I?"));
    }

    [Theory]
    [InlineData("\"tea\" OR coffee*", new[] { "\"tea\"", "\"coffee\"" })]
    [InlineData("NEAR(a b) col:tea ^start", new[] { "\"near\"", "\"b\"", "\"col\"", "\"tea\"", "\"start\"" })]
    public void ToQueryTerms_SearchSyntax_BecomesPlainWords(string query, string[] expected)
    {
        var terms = Terms(query).ToList();

        Assert.Equal(expected, terms);
        Assert.All(terms, t => Assert.Matches("^\"[\\p{L}\\p{N}\\p{M} ]+\"$", t));
    }

    [Fact]
    public void ToQueryTerms_ChineseRun_BecomesContentBigrams()
    {
        Assert.Equal(["\"过 敏\""], Terms("我对什么过敏？"));
        Assert.Equal(["\"妹 妹\"", "\"妹 叫\"", "\"名 字\""], Terms("我妹妹叫什么名字"));
        Assert.Equal(["\"虾\""], Terms("虾"));
    }

    [Fact]
    public void ToQueryTerms_MixedScripts_KeepsWordsAndBigramsApart()
    {
        Assert.Equal(["\"shanghai\"", "\"上 海\""], Terms("Shanghai 上海"));
    }

    [Fact]
    public void ToQueryTerms_ManyWords_CapsTheNumberOfTerms()
    {
        var query = string.Join(' ', Enumerable.Range(0, 100).Select(i => $"word{i}"));

        Assert.Equal(FactSearchText.MaxTerms, FactSearchText.ToQueryTerms("u1", query).Count);
    }

    [Fact]
    public void ForIndex_Text_TagsEveryTokenWithTheUsersTag()
    {
        Assert.Equal($"{Tag}I {Tag}like {Tag}Café {Tag}我 {Tag}对 {Tag}花 {Tag}生 ", FactSearchText.ForIndex("u1", "I like Café: 我对花生!"));
        Assert.NotEqual(FactSearchText.UserTag("u1"), FactSearchText.UserTag("u2"));
    }
}
