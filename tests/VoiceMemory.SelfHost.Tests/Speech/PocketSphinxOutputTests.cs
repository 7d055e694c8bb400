using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class PocketSphinxOutputTests
{
    [Fact]
    public void Parse_TwoUtterancesWithSegments_JoinsTextAndAveragesWordPosteriors()
    {
        const string output = """
            my name is alice
            <s> 0.000 0.200 1.000100
            my 0.210 0.370 1.000200
            name 0.380 0.630 0.5
            is 0.640 0.760 0.5
            alice(2) 0.770 1.090 0.0
            <sil> 1.100 1.300 0.2
            </s> 2.690 2.730 1.000000
            i love gardening
            <s> 4.850 4.950 0.999600
            i 4.960 5.060 1.0
            [NOISE] 5.070 5.380 0.1
            love 5.390 5.510 1.0
            gardening 6.440 7.130 1.0
            </s> 7.140 7.230 1.000000
            """;

        var (text, confidence) = PocketSphinxOutput.Parse(output);

        Assert.Equal("my name is alice i love gardening", text);
        // (1 [clamped from 1.0002] + .5 + .5 + 0 + 1 + 1 + 1) / 7 words; fillers are ignored.
        Assert.Equal(Math.Round(5.0 / 7, 3), confidence);
    }

    [Fact]
    public void Parse_SilenceOutput_IsEmptyWithZeroConfidence()
    {
        var (text, confidence) = PocketSphinxOutput.Parse("\n<s> 0.000 0.390 1.000000\n</s> 0.400 1.120 1.000000\n");

        Assert.Equal(string.Empty, text);
        Assert.Equal(0, confidence);
    }

    [Fact]
    public void Parse_HypothesisWithoutSegmentLines_KeepsTextWithUnknownConfidence()
    {
        var (text, confidence) = PocketSphinxOutput.Parse("what am i allergic to\n");

        Assert.Equal("what am i allergic to", text);
        Assert.Equal(0, confidence);
    }

    [Fact]
    public void Parse_FourWordHypothesis_IsNotMistakenForASegment()
    {
        var (text, _) = PocketSphinxOutput.Parse("i am very tired\n");

        Assert.Equal("i am very tired", text);
    }
}
