using System.Diagnostics;
using VoiceMemory.Audio;
using VoiceMemory.SelfHost.Speech;
using Xunit.Abstractions;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class OfflineTextToSpeechTests(ITestOutputHelper output) : IDisposable
{
    private const string Reply = "Noted: you are allergic to peanuts. I will remember that.";
    private readonly SpeechTestHost host = new();

    [Fact]
    public async Task SynthesizeAsync_EnglishWithLame_ReturnsValidMp3()
    {
        var timer = Stopwatch.StartNew();

        var speech = await host.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None);

        output.WriteLine($"{timer.ElapsedMilliseconds} ms, {speech.Audio.Length} bytes");
        Assert.Equal("audio/mpeg", speech.ContentType);
        Assert.Equal(".mp3", speech.FileExtension);
        Assert.True(IsMp3(speech.Audio), "no ID3 tag or MPEG frame sync");
        Assert.True(host.NoWorkspacesLeft);
    }

    [Fact]
    public async Task SynthesizeAsync_English_SpeaksTheWordsPocketSphinxCanRecognise()
    {
        const string sentence = "I live in Leeds and I love gardening";
        var speech = await host.TextToSpeech.SynthesizeAsync(sentence, "en-US", CancellationToken.None);

        using var mp3 = new MemoryStream(speech.Audio);
        var transcript = await host.SpeechToText.TranscribeAsync(mp3, AudioFormat.Mp3, "en-US", CancellationToken.None);

        Assert.True(WordErrors.Count(sentence, transcript.Text) <= 1, $"heard \"{transcript.Text}\"");
    }

    [Fact]
    public async Task SynthesizeAsync_LameMissing_ReturnsValidWav()
    {
        using var noLame = new SpeechTestHost(options => options.Lame = "/nonexistent/lame");

        var speech = await noLame.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None);

        AssertSpokenWav(speech, noLame, minimumSeconds: 2);
        Assert.True(noLame.NoWorkspacesLeft);
    }

    [Fact]
    public async Task SynthesizeAsync_Mp3Disabled_ReturnsWav()
    {
        using var wavOnly = new SpeechTestHost(options => options.Mp3Enabled = false);

        var speech = await wavOnly.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None);

        AssertSpokenWav(speech, wavOnly, minimumSeconds: 2);
    }

    [Fact]
    public async Task SynthesizeAsync_Chinese_SpeaksWithEspeakNg()
    {
        using var wavOnly = new SpeechTestHost(options => options.Mp3Enabled = false);
        var timer = Stopwatch.StartNew();

        var speech = await wavOnly.TextToSpeech.SynthesizeAsync("我叫爱丽丝，我对花生过敏。", "zh-CN", CancellationToken.None);

        output.WriteLine($"{timer.ElapsedMilliseconds} ms, {speech.Audio.Length} bytes");
        // espeak-ng speaks at 22.05 kHz, flite at 16 kHz: the rate tells which engine spoke.
        var info = AssertSpokenWav(speech, wavOnly, minimumSeconds: 1.5);
        Assert.Equal(22050, info.SampleRate);
    }

    [Fact]
    public async Task SynthesizeAsync_ChineseWithLame_ReturnsMp3()
    {
        var speech = await host.TextToSpeech.SynthesizeAsync("你好，我会记住的。", "zh-CN", CancellationToken.None);

        Assert.Equal("audio/mpeg", speech.ContentType);
        Assert.True(IsMp3(speech.Audio));
    }

    [Fact]
    public async Task SynthesizeAsync_FliteMissing_EnglishFallsBackToEspeakNg()
    {
        using var noFlite = new SpeechTestHost(options =>
        {
            options.Flite = "/nonexistent/flite";
            options.Mp3Enabled = false;
        });

        var speech = await noFlite.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None);

        var info = AssertSpokenWav(speech, noFlite, minimumSeconds: 2);
        Assert.Equal(22050, info.SampleRate);
    }

    [Fact]
    public async Task SynthesizeAsync_NoSynthesiser_ThrowsEngineMissing()
    {
        using var none = new SpeechTestHost(options =>
        {
            options.Flite = "/nonexistent/flite";
            options.EspeakNg = "/nonexistent/espeak-ng";
        });

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => none.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.True(none.NoWorkspacesLeft);
    }

    [Fact]
    public async Task SynthesizeAsync_UnknownEspeakVoice_ThrowsSynthesisFailedAndCleansUp()
    {
        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.TextToSpeech.SynthesizeAsync("Bonjour", "xx-YY", CancellationToken.None));

        Assert.Equal(ErrorCodes.SynthesisFailed, exception.Code);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public async Task SynthesizeAsync_EmptyText_ThrowsArgumentException(string text)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.TextToSpeech.SynthesizeAsync(text, "en-US", CancellationToken.None));
    }

    [Fact]
    public async Task SynthesizeAsync_TextOverTheCap_SpeaksOnlyTheCappedPart()
    {
        using var capped = new SpeechTestHost(options =>
        {
            options.MaxSpeechCharacters = 100;
            options.Mp3Enabled = false;
        });
        var longText = string.Concat(Enumerable.Repeat("This sentence is repeated many times. ", 40));

        var speech = await capped.TextToSpeech.SynthesizeAsync(longText, "en-US", CancellationToken.None);

        // Roughly two sentences: far less than the forty of the full text (about a minute of speech).
        var info = AssertSpokenWav(speech, capped, minimumSeconds: 2);
        Assert.True(info.Duration < TimeSpan.FromSeconds(12), $"spoke {info.Duration}");
    }

    [Fact]
    public async Task SynthesizeAsync_Success_DoesNotLogTheReply()
    {
        await host.TextToSpeech.SynthesizeAsync(Reply, "en-US", CancellationToken.None);

        Assert.NotEmpty(host.Logs.Messages);
        Assert.DoesNotContain(host.Logs.Messages, message => message.Contains("peanuts", StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose() => host.Dispose();

    private static bool IsMp3(byte[] audio) =>
        audio.Length > 4 && (audio.AsSpan(0, 3).SequenceEqual("ID3"u8) || (audio[0] == 0xFF && (audio[1] & 0xE0) == 0xE0));

    private static WaveInfo AssertSpokenWav(VoiceMemory.Speech.SynthesizedSpeech speech, SpeechTestHost owner, double minimumSeconds)
    {
        Assert.Equal("audio/wav", speech.ContentType);
        Assert.Equal(".wav", speech.FileExtension);
        Assert.True(speech.Audio.AsSpan(0, 4).SequenceEqual("RIFF"u8) && speech.Audio.AsSpan(8, 4).SequenceEqual("WAVE"u8), "not RIFF/WAVE");
        var path = owner.ScratchPath(Guid.NewGuid().ToString("N") + ".wav");
        File.WriteAllBytes(path, speech.Audio);
        var info = WaveInfo.TryRead(path);
        Assert.NotNull(info);
        Assert.True(info.Duration >= TimeSpan.FromSeconds(minimumSeconds), $"only {info.Duration}");
        return info;
    }
}
