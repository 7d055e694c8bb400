namespace VoiceMemory.Tests.Memory;

/// <summary>Questions answered by what they are about: notes asked back by their subject, dates of events, categories.</summary>
public sealed class FallbackSubjectTests
{
    private const string DontKnow = "I don't know that yet";

    [Theory]
    [InlineData("remember that my spare key is under the blue flowerpot", "where's my spare key?", "flowerpot")]
    [InlineData("remember that the plumber is coming on Friday", "when is the plumber coming?", "Friday")]
    [InlineData("don't forget that I lent my drill to Ahmed", "who has my drill?", "Ahmed")]
    [InlineData("My granddaughter's wedding is on June 14th", "when is my granddaughter's wedding?", "June 14th")]
    [InlineData("my son is getting married in may", "when's my son's wedding", "May")]
    [InlineData("I don't like mushrooms", "what foods do I dislike?", "mushrooms")]
    [InlineData("I work as a nurse", "what do I do for a living?", "nurse")]
    public async Task Question_ByItsSubject_IsAnswered(string told, string question, string expected)
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync(told);

        var answer = await user.SayAsync(question);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenQuestion_NotAboutTheUser_IsNotAnsweredFromMemory()
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync("my dentist appointment is on Tuesday");

        var time = await user.SayAsync("what time is it?");
        var christening = await user.SayAsync("when is the christening?");

        Assert.Equal("I'm sorry, I can't look that up right now — but I'm happy to keep you company.", time);
        Assert.Equal("I'm sorry, I can't look that up right now — but I'm happy to keep you company.", christening);
    }

    [Theory]
    [InlineData("remember that my locker number is 214", "what's my phone number?", "214")]
    [InlineData("remember that my spare key is under the mat", "where's my passport?", "mat")]
    [InlineData("My granddaughter's wedding is on June 14th", "when is my grandson's graduation?", "June")]
    [InlineData("my daughter is called emma", "what's my son's name?", "Emma")]
    [InlineData("I live in Leeds", "what's my job?", "Leeds")]
    public async Task Question_AboutWhatWasNeverTold_IsAnHonestIDontKnow(string told, string question, string notToSay)
    {
        var user = new MemoryConversation("en-US");
        await user.SayAsync(told);

        var answer = await user.SayAsync(question);

        Assert.StartsWith(DontKnow, answer, StringComparison.Ordinal);
        Assert.DoesNotContain(notToSay, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("记住，备用钥匙在门口的花盆下面", "备用钥匙在哪里？", "花盆")]
    [InlineData("请帮我记一下，wifi密码是12345678", "wifi密码是多少", "12345678")]
    [InlineData("我孙女的婚礼是6月14日", "我孙女的婚礼是哪天？", "6月14日")]
    [InlineData("我在银行工作", "我在哪里上班", "银行")]
    [InlineData("我不喜欢吃香菜", "我不喜欢吃什么？", "香菜")]
    public async Task ChineseQuestion_ByItsSubject_IsAnswered(string told, string question, string expected)
    {
        var user = new MemoryConversation("zh-CN");
        await user.SayAsync(told);

        var answer = await user.SayAsync(question);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("记住备用钥匙在花盆下面", "我的护照在哪里", "花盆")]
    [InlineData("我孙女的婚礼是6月14日", "我孙子什么时候毕业", "6月")]
    public async Task ChineseQuestion_AboutWhatWasNeverTold_IsAnHonestIDontKnow(string told, string question, string notToSay)
    {
        var user = new MemoryConversation("zh-CN");
        await user.SayAsync(told);

        var answer = await user.SayAsync(question);

        Assert.StartsWith("我还不知道", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(notToSay, answer, StringComparison.Ordinal);
    }
}
