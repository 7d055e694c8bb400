using VoiceMemory.Audio;
using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class AudioNormalizerTests(SampleAudioFixture audio) : IClassFixture<SampleAudioFixture>, IDisposable
{
    private readonly SpeechTestHost host = new();

    public static TheoryData<string> SentenceSamples => SampleAudioFixture.SentenceSamples;

    [Theory]
    [MemberData(nameof(SentenceSamples))]
    public async Task NormalizeAsync_EverySupportedContainer_Yields16kMono16BitWavOfTheSameLength(string sample)
    {
        using var workspace = host.Workspaces.Create();
        await using var input = audio.Open(sample);

        var normalized = await host.Normalizer.NormalizeAsync(input, audio.Sample(sample).Format, workspace, CancellationToken.None);

        var info = WaveInfo.TryRead(normalized.WavPath);
        Assert.NotNull(info);
        Assert.Equal((16000, 1, 16), (info.SampleRate, info.Channels, info.BitsPerSample));
        Assert.Equal(info.Duration, normalized.Duration);
        Assert.InRange(normalized.Duration.TotalSeconds, SampleAudioFixture.SentenceDuration.TotalSeconds - 0.1, SampleAudioFixture.SentenceDuration.TotalSeconds + 0.2);
    }

    [Fact]
    public async Task MeasureDurationAsync_Silence_MeasuresAndRemovesItsWorkspace()
    {
        await using var input = audio.Open("silence");

        var duration = await host.Normalizer.MeasureDurationAsync(input, AudioFormat.Wav, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), duration);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Fact]
    public async Task MeasureDurationAsync_EmptyStream_ThrowsEmptyAudio()
    {
        using var input = new MemoryStream();

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Normalizer.MeasureDurationAsync(input, AudioFormat.Wav, CancellationToken.None));

        Assert.Equal(ErrorCodes.EmptyAudio, exception.Code);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Theory]
    [InlineData(AudioFormat.Wav)]
    [InlineData(AudioFormat.Mp3)]
    [InlineData(AudioFormat.WebM)]
    public async Task MeasureDurationAsync_GarbageBytes_ThrowsMalformedAudioAndCleansUp(AudioFormat format)
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        "RIFF"u8.CopyTo(garbage);
        using var input = new MemoryStream(garbage);

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Normalizer.MeasureDurationAsync(input, format, CancellationToken.None));

        Assert.Equal(ErrorCodes.MalformedAudio, exception.Code);
        Assert.False(exception.IsTransient);
        Assert.True(host.NoWorkspacesLeft);
    }

    [Fact]
    public async Task MeasureDurationAsync_UnknownFormat_ThrowsUnsupportedAudio()
    {
        await using var input = audio.Open("wav-16k-mono");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => host.Normalizer.MeasureDurationAsync(input, AudioFormat.Unknown, CancellationToken.None));

        Assert.Equal(ErrorCodes.UnsupportedAudio, exception.Code);
    }

    [Fact]
    public async Task MeasureDurationAsync_SoxMissing_FfmpegDecodesWav()
    {
        using var noSox = new SpeechTestHost(options => options.Sox = "/nonexistent/sox");
        await using var input = audio.Open("wav-44k-stereo");

        var duration = await noSox.Normalizer.MeasureDurationAsync(input, AudioFormat.Wav, CancellationToken.None);

        Assert.InRange(duration.TotalSeconds, 2.65, 2.95);
    }

    [Fact]
    public async Task MeasureDurationAsync_FfmpegMissingForWebM_ThrowsEngineMissing()
    {
        using var noFfmpeg = new SpeechTestHost(options => options.Ffmpeg = "/nonexistent/ffmpeg");
        await using var input = audio.Open("webm-opus");

        var exception = await Assert.ThrowsAsync<VoiceMemoryException>(() => noFfmpeg.Normalizer.MeasureDurationAsync(input, AudioFormat.WebM, CancellationToken.None));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.Contains("ffmpeg", exception.Message, StringComparison.Ordinal);
        Assert.True(noFfmpeg.NoWorkspacesLeft);
    }

    public void Dispose() => host.Dispose();
}
