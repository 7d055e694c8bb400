using VoiceMemory.Safety;

namespace VoiceMemory.Tests.Safety;

public sealed class SafetyTextTests
{
    [Theory]
    [InlineData("I’m  ＳＯ   tired", "i am so tired")]
    [InlineData("I DON'T want to", "i do not want to")]
    [InlineData("i cant and i wont", "i can not and i will not")]
    [InlineData("gonna kms", "going to kill myself")]
    [InlineData("we’re “fine”", "we are \"fine\"")]
    [InlineData("kill\u200Bmyself", "killmyself")]
    [InlineData("我想自殺", "我想自杀")]
    [InlineData("我 想 自 杀", "我想自杀")]
    [InlineData("活著沒意思", "活着没意思")]
    public void Normalize_Variants_CanonicalForm(string text, string expected)
    {
        Assert.Equal(expected, SafetyText.Normalize(text));
    }

    [Fact]
    public void Normalize_LoneSurrogate_ReplacedNotThrown()
    {
        Assert.Equal("i want \uFFFD to die", SafetyText.Normalize("I want \uD800 to die"));
    }

    [Fact]
    public void Normalize_EmojiPair_Kept()
    {
        Assert.Equal("ok \U0001F600", SafetyText.Normalize("OK \U0001F600"));
    }

    [Fact]
    public void BlankReportedQuotes_SomeoneElseSaid_Blanked()
    {
        var text = SafetyText.BlankReportedQuotes("he said \"i want to die\" as a joke");

        Assert.DoesNotContain("die", text, StringComparison.Ordinal);
    }

    [Fact]
    public void BlankReportedQuotes_SpeakerSaid_Kept()
    {
        var text = SafetyText.BlankReportedQuotes("i told him \"i want to die\"");

        Assert.Contains("i want to die", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Clauses_SentencesSplitCommasKept()
    {
        Assert.Equal(["i am fine", "no, really", "没有我,大家会更好"], SafetyText.Clauses("i am fine. no, really! 没有我,大家会更好。"));
    }
}
