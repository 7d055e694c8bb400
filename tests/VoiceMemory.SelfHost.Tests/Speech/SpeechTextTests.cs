using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class SpeechTextTests
{
    [Fact]
    public void Prepare_ControlCharactersAndRunsOfWhitespace_BecomeSingleSpaces()
    {
        Assert.Equal(("Hello there. How are you?", false), SpeechText.Prepare("  Hello\u0000 there.\r\n\tHow   are you?\u0007 ", 100));
    }

    [Fact]
    public void Prepare_OverTheCap_CutsAtTheLastSentenceEnd()
    {
        var text = "First sentence here. Second sentence here. Third sentence is long enough to pass the cap.";

        Assert.Equal(("First sentence here. Second sentence here.", true), SpeechText.Prepare(text, 60));
    }

    [Fact]
    public void Prepare_OverTheCapWithoutSentenceEnd_CutsAtAWordBreak()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 50));

        var prepared = SpeechText.Prepare(text, 102);

        Assert.Equal((string.Join(' ', Enumerable.Repeat("word", 20)), true), prepared);
    }

    [Fact]
    public void Prepare_ChineseOverTheCap_CutsAtTheChineseFullStop()
    {
        var text = "我叫爱丽丝。我对花生过敏。我住在利兹。";

        Assert.Equal(("我叫爱丽丝。我对花生过敏。", true), SpeechText.Prepare(text, 15));
    }

    [Fact]
    public void Prepare_ExactlyAtTheCap_IsNotTruncated()
    {
        Assert.Equal(("abcde", false), SpeechText.Prepare("abcde", 5));
    }

    [Fact]
    public void Prepare_OnlyWhitespace_IsEmpty()
    {
        Assert.Equal((string.Empty, false), SpeechText.Prepare(" \n\t ", 100));
    }
}
