using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Memory;

/// <summary>The work rules (an occupation by its form) and moves, in English and Chinese, and what they must leave alone.</summary>
public sealed class WorkAndMoveExtractionTests
{
    private readonly HeuristicFactExtractor _extractor = new();

    [Theory]
    [InlineData("I work as a nurse", "The user works as a nurse")]
    [InlineData("i'm a retired teacher", "The user is a retired teacher")]
    [InlineData("I used to be a firefighter", "The user used to be a firefighter")]
    [InlineData("i drive a bus for a living", "The user drives a bus")]
    [InlineData("I work part-time at the garden centre", "The user works at the garden centre")]
    [InlineData("my job is in sales", "The user's job is in sales")]
    [InlineData("I'm a locksmith", "The user is a locksmith")]
    public void Extract_EnglishWork_JobFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"), f => f.Key == FactKeys.Job);

        Assert.Equal(FactKind.Profile, fact.Kind);
        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("I'm a keen gardener")]
    [InlineData("i'm a heavy sleeper")]
    [InlineData("I'm a big fan of cricket")]
    [InlineData("i am a widower")]
    [InlineData("I'm a grandmother")]
    [InlineData("i'm a vegetarian")]
    [InlineData("I work in the garden on Sundays")]
    public void Extract_NotWork_NoJobFact(string text)
    {
        Assert.DoesNotContain(_extractor.Extract(text, "en-US"), f => f.Key == FactKeys.Job);
    }

    [Theory]
    [InlineData("我是一名护士", "用户是一名护士")]
    [InlineData("我在银行工作", "用户在银行工作")]
    [InlineData("我是开出租车的", "用户是开出租车的")]
    [InlineData("我退休前是中学老师", "用户退休前是中学老师")]
    public void Extract_ChineseWork_JobFact(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "zh-CN"), f => f.Key == FactKeys.Job);

        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("我是四川人")]
    [InlineData("我是他的妻子")]
    [InlineData("我是高血压")]
    public void Extract_ChineseIAmNotWork_NoJobOrNameFact(string text)
    {
        Assert.DoesNotContain(_extractor.Extract(text, "zh-CN"), f => f.Key is FactKeys.Job or FactKeys.Name);
    }

    [Theory]
    [InlineData("你好，我是李建国", "用户叫李建国")]
    [InlineData("我姓赵叫赵德明", "用户叫赵德明")]
    public void Extract_ChineseName_ByForm(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "zh-CN"), f => f.Key == FactKeys.Name);

        Assert.Equal(expected, fact.Text);
    }

    [Theory]
    [InlineData("I've just moved to York", "The user lives in York")]
    [InlineData("we relocated to Denver in the spring", "The user lives in Denver")]
    [InlineData("we've moved house to derby", "The user lives in Derby")]
    [InlineData("i'm living in paris now", "The user lives in paris")]
    [InlineData("我搬到上海了", "用户住在上海")]
    [InlineData("上个月我们搬家到苏州了", "用户住在苏州")]
    [InlineData("我已经搬去青岛住了", "用户住在青岛")]
    public void Extract_Move_ReplacesHome(string text, string expected)
    {
        var fact = Assert.Single(_extractor.Extract(text, "en-US"), f => f.Key == FactKeys.Home);

        Assert.Equal(expected, fact.Text, ignoreCase: true);
    }

    [Fact]
    public void Extract_UsedToLiveButNowLive_OnlyTheNewHomeIsKeyed()
    {
        var homes = _extractor.Extract("i used to live in dublin but now i live in galway", "en-US").Where(f => f.Key == FactKeys.Home).ToList();

        Assert.Equal("The user lives in Galway", Assert.Single(homes).Text);
    }
}
