using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Memory;

/// <summary>
/// Corrections supersede across turns and languages, through extraction, the store's key identity, recall and the
/// fallback responder.
/// </summary>
public sealed class MemorySupersessionTests
{
    [Theory]
    [InlineData("hi, I'm Carol")]
    [InlineData("hi i'm carol")]
    [InlineData("Hi, I'm Carol, nice to meet you")]
    [InlineData("hello im carol nice to meet you")]
    [InlineData("I'm Carol by the way")]
    [InlineData("actually my name is Carol")]
    [InlineData("call me Carol")]
    public async Task NameSaidInEnglish_AfterAChineseName_ReplacesIt(string introduction)
    {
        var user = new MemoryConversation("zh-CN");
        await user.SayAsync("我叫小明");

        await user.SayAsync(introduction);

        var greeting = await user.SayAsync("你好");
        var answer = await user.SayAsync("what's my name?");
        Assert.Contains("Carol", greeting, StringComparison.Ordinal);
        Assert.DoesNotContain("小明", greeting, StringComparison.Ordinal);
        Assert.Contains("Carol", answer, StringComparison.Ordinal);
        Assert.Single(await user.FactsAsync(), f => f.Key == FactKeys.Name);
    }

    [Fact]
    public async Task NameSaidInChinese_AfterAnEnglishName_ReplacesIt()
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync("my name is Carol");

        await user.SayAsync("我叫小明");

        var answer = await user.SayAsync("what's my name?");
        Assert.Contains("小明", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Carol", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I live in Leeds", "I've just moved to York", "where do I live?")]
    [InlineData("i'm from leeds", "we've moved to york", "where do i live")]
    [InlineData("I live in Leeds", "we relocated to York last spring", "where am I living now?")]
    [InlineData("i live in leeds", "i'm living in york now", "what town do i live in")]
    [InlineData("I live in Leeds", "My home is in York now", "where's home for me?")]
    public async Task Move_ReplacesTheOldHomeTown(string before, string move, string question)
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync(before);

        await user.SayAsync(move);

        var answer = await user.SayAsync(question);
        Assert.Contains("York", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Leeds", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我住在北京", "我搬到上海了", "我住在哪里？")]
    [InlineData("我家在北京", "上个月我们搬家到上海了", "我家现在在哪")]
    [InlineData("我住在北京", "I moved to Shanghai", "where do I live?")]
    public async Task Move_InChineseOrAcrossLanguages_ReplacesTheOldHome(string before, string move, string question)
    {
        var user = new MemoryConversation("zh-CN");
        await user.SayAsync(before);

        await user.SayAsync(move);

        var answer = await user.SayAsync(question);
        Assert.Contains(question.Any(char.IsAsciiLetter) ? "Shanghai" : "上海", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("北京", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewJob_ReplacesTheOldOne()
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync("I work at the bakery");

        await user.SayAsync("i got a new job as a postman");

        var answer = await user.SayAsync("where do I work these days?");
        Assert.Contains("postman", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("bakery", answer, StringComparison.Ordinal);
    }
}
