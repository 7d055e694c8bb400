namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class WordErrorsTests
{
    [Theory]
    [InlineData("What am I allergic to?", "what am i allergic to", 0)]
    [InlineData("I live in Leeds", "i live in leads", 1)]
    [InlineData("I live in Leeds", "i live leeds", 1)]
    [InlineData("I live in Leeds", "i do live in leeds", 1)]
    [InlineData("my name is alice", "", 4)]
    [InlineData("", "noise words", 2)]
    public void Count_TwoTexts_ReturnsWordEditDistance(string expected, string actual, int errors)
    {
        Assert.Equal(errors, WordErrors.Count(expected, actual));
    }
}
