using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class OfflineEngineCheckTests
{
    [Theory]
    [InlineData(OfflineEngineCheckKind.SpeechToText, "speech-to-text", true)]
    [InlineData(OfflineEngineCheckKind.TextToSpeech, "text-to-speech", true)]
    [InlineData(OfflineEngineCheckKind.Mp3Encoder, "mp3-encoder", false)]
    [InlineData(OfflineEngineCheckKind.Ffmpeg, "ffmpeg", false)]
    public async Task CheckAsync_AllEnginesInstalled_IsHealthy(OfflineEngineCheckKind kind, string name, bool critical)
    {
        using var host = new SpeechTestHost();
        var check = host.Check(kind);

        var health = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(name, check.Name);
        Assert.Equal(critical, check.Critical);
        Assert.Equal(HealthState.Healthy, health.Status);
    }

    [Theory]
    [InlineData(OfflineEngineCheckKind.SpeechToText)]
    [InlineData(OfflineEngineCheckKind.TextToSpeech)]
    public void Critical_SpeechProviderAzure_IsNotCritical(OfflineEngineCheckKind kind)
    {
        using var host = new SpeechTestHost(provider: SpeechProvider.Azure);

        Assert.False(host.Check(kind).Critical);
    }

    [Fact]
    public async Task CheckAsync_BogusPocketSphinx_SpeechToTextUnhealthyNamingTheProgramNotThePath()
    {
        using var host = new SpeechTestHost(options => options.PocketSphinx = "/srv/private-folder/pocketsphinx_continuous");

        var health = await host.Check(OfflineEngineCheckKind.SpeechToText).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, health.Status);
        Assert.Contains("pocketsphinx_continuous", health.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("private-folder", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_MissingModelFiles_SpeechToTextUnhealthy()
    {
        using var host = new SpeechTestHost(options => options.DictionaryPath = "/nonexistent/cmudict-en-us.dict");

        var health = await host.Check(OfflineEngineCheckKind.SpeechToText).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, health.Status);
        Assert.Contains("dictionary", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SoxMissingButFfmpegPresent_SpeechToTextDegraded()
    {
        using var host = new SpeechTestHost(options => options.Sox = "/nonexistent/sox");

        var health = await host.Check(OfflineEngineCheckKind.SpeechToText).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Degraded, health.Status);
    }

    [Fact]
    public async Task CheckAsync_NoDecoderAtAll_SpeechToTextUnhealthy()
    {
        using var host = new SpeechTestHost(options =>
        {
            options.Sox = "/nonexistent/sox";
            options.Ffmpeg = "/nonexistent/ffmpeg";
        });

        var health = await host.Check(OfflineEngineCheckKind.SpeechToText).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Unhealthy, health.Status);
    }

    [Theory]
    [InlineData(true, false, HealthState.Degraded)]
    [InlineData(false, true, HealthState.Degraded)]
    [InlineData(false, false, HealthState.Unhealthy)]
    public async Task CheckAsync_SynthesiserMissing_TextToSpeechDegradedOrUnhealthy(bool flite, bool espeak, HealthState expected)
    {
        using var host = new SpeechTestHost(options =>
        {
            if (!flite)
            {
                options.Flite = "/nonexistent/flite";
            }

            if (!espeak)
            {
                options.EspeakNg = "/nonexistent/espeak-ng";
            }
        });

        var health = await host.Check(OfflineEngineCheckKind.TextToSpeech).CheckAsync(CancellationToken.None);

        Assert.Equal(expected, health.Status);
    }

    [Fact]
    public async Task CheckAsync_LameMissing_Mp3EncoderDegradedAndNotCritical()
    {
        using var host = new SpeechTestHost(options => options.Lame = "/nonexistent/lame");
        var check = host.Check(OfflineEngineCheckKind.Mp3Encoder);

        var health = await check.CheckAsync(CancellationToken.None);

        Assert.False(check.Critical);
        Assert.Equal(HealthState.Degraded, health.Status);
        Assert.Contains("lame", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_LameMissingButMp3Disabled_Mp3EncoderHealthy()
    {
        using var host = new SpeechTestHost(options =>
        {
            options.Lame = "/nonexistent/lame";
            options.Mp3Enabled = false;
        });

        var health = await host.Check(OfflineEngineCheckKind.Mp3Encoder).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Healthy, health.Status);
    }

    [Fact]
    public async Task CheckAsync_FfmpegMissing_Degraded()
    {
        using var host = new SpeechTestHost(options => options.Ffmpeg = "/nonexistent/ffmpeg");

        var health = await host.Check(OfflineEngineCheckKind.Ffmpeg).CheckAsync(CancellationToken.None);

        Assert.Equal(HealthState.Degraded, health.Status);
    }
}
