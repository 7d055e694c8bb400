using System.Diagnostics;
using VoiceMemory.Audio;
using VoiceMemory.SelfHost.Speech;
using Xunit.Abstractions;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class PocketSphinxSpeechToTextTests(SampleAudioFixture audio, ITestOutputHelper output) : IClassFixture<SampleAudioFixture>, IDisposable
{
    private readonly SpeechTestHost host = new();

    public static TheoryData<string> SentenceSamples => SampleAudioFixture.SentenceSamples;

    [Theory]
    [InlineData("My name is Alice and I am allergic to peanuts")]
    [InlineData("I live in Leeds and I love gardening")]
    [InlineData("What am I allergic to")]
    [InlineData("My daughter Sarah visits me every Sunday")]
    public async Task TranscribeAsync_FliteSpeech_RecognisesTheSentenceWithAtMostOneWrongWord(string sentence)
    {
        var wav = await host.SpeakAsync(sentence, "sentence.wav");
        await using var input = File.OpenRead(wav);
        var timer = Stopwatch.StartNew();

        var transcript = await host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None);

        output.WriteLine($"{timer.ElapsedMilliseconds} ms, confidence {transcript.Confidence}: {transcript.Text}");
        Assert.True(WordErrors.Count(sentence, transcript.Text) <= 1, $"heard \"{transcript.Text}\"");
        Assert.Equal("en-US", transcript.Language);
        Assert.InRange(transcript.Confidence, 0.3, 1.0);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Theory]
    [MemberData(nameof(SentenceSamples))]
    public async Task TranscribeAsync_EveryContainer_Transcribes(string sample)
    {
        await using var input = audio.Open(sample);

        var transcript = await host.SpeechToText.TranscribeAsync(input, audio.Sample(sample).Format, "en-US", CancellationToken.None);

        Assert.True(WordErrors.Count(SampleAudioFixture.Sentence, transcript.Text) <= 1, $"{sample}: heard \"{transcript.Text}\"");
    }

    [Fact]
    public async Task TranscribeAsync_Silence_ReturnsEmptyTranscript()
    {
        await using var input = audio.Open("silence");

        var transcript = await host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None);

        Assert.True(transcript.IsEmpty);
        Assert.Equal(0, transcript.Confidence);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Fact]
    public async Task TranscribeAsync_WavWithNoSamples_ReturnsEmptyTranscript()
    {
        await host.RunToolAsync("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", "empty.wav", "trim", "0", "0");
        await using var input = File.OpenRead(host.ScratchPath("empty.wav"));

        var transcript = await host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None);

        Assert.True(transcript.IsEmpty);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en")]
    [InlineData("")]
    public async Task TranscribeAsync_OtherEnglishOrNoLocale_UsesTheUsEnglishModel(string locale)
    {
        await using var input = audio.Open("wav-16k-mono");

        var transcript = await host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, locale, CancellationToken.None);

        Assert.Equal("en-US", transcript.Language);
        Assert.False(transcript.IsEmpty);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("fr-FR")]
    public async Task TranscribeAsync_NonEnglishLocale_ThrowsUnsupportedLocale(string locale)
    {
        await using var input = audio.Open("wav-16k-mono");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, locale, CancellationToken.None));

        Assert.Equal(ErrorCodes.UnsupportedLocale, exception.Code);
        Assert.Contains("English only", exception.Message, StringComparison.Ordinal);
        Assert.Contains("typed turns", exception.Message, StringComparison.Ordinal);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task TranscribeAsync_BogusPocketSphinxPath_ThrowsEngineMissing()
    {
        using var broken = new SpeechTestHost(options => options.PocketSphinx = "/nonexistent/pocketsphinx_continuous");
        await using var input = audio.Open("wav-16k-mono");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => broken.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.True(broken.NoWorkspacesLeft);
    }

    [Fact]
    public async Task TranscribeAsync_MissingLanguageModel_ThrowsEngineMissingNamingIt()
    {
        using var broken = new SpeechTestHost(options => options.LanguageModelPath = "/nonexistent/en-us.lm.bin");
        await using var input = audio.Open("wav-16k-mono");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => broken.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.Contains("language model", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_EngineCrashes_ThrowsTranscriptionFailedAndCleansUp()
    {
        // A language model that is not a language model makes pocketsphinx exit with an error.
        var badModel = host.ScratchPath("bad.lm");
        await File.WriteAllTextAsync(badModel, "this is not a language model\n");
        using var broken = new SpeechTestHost(options => options.LanguageModelPath = badModel);
        await using var input = audio.Open("wav-16k-mono");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => broken.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None));

        Assert.Equal(ErrorCodes.TranscriptionFailed, exception.Code);
        Assert.IsType<EngineProcessException>(exception.InnerException);
        Assert.True(broken.NoWorkspacesLeft);
    }

    [Fact]
    public async Task TranscribeAsync_Success_LogsNeitherTheWordsNorTheirEngineOutput()
    {
        await using var input = audio.Open("wav-16k-mono");

        var transcript = await host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", CancellationToken.None);

        Assert.Contains("peanuts", transcript.Text, StringComparison.Ordinal);
        Assert.NotEmpty(host.Logs.Messages);
        Assert.DoesNotContain(host.Logs.Messages, message => message.Contains("peanuts", StringComparison.OrdinalIgnoreCase) || message.Contains("alice", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TranscribeAsync_Canceled_ThrowsOperationCanceledAndCleansUp()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await using var input = audio.Open("wav-16k-mono");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.SpeechToText.TranscribeAsync(input, AudioFormat.Wav, "en-US", cancellation.Token));

        Assert.True(host.NoWorkspacesLeft);
    }

    public void Dispose() => host.Dispose();
}
