using System.Net;
using VoiceMemory.Configuration;
using VoiceMemory.Speech.Azure;

namespace VoiceMemory.Tests.Providers;

public sealed class ProviderHelpersTests
{
    [Theory]
    [InlineData("en-us", "en-US")]
    [InlineData("EN_gb", "en-GB")]
    [InlineData("en", "en-US")]
    [InlineData("zh", "zh-CN")]
    [InlineData("zh-Hans", "zh-CN")]
    [InlineData("zh-Hant", "zh-TW")]
    [InlineData("zh-Hans-CN", "zh-CN")]
    [InlineData("es-419", "es-419")]
    [InlineData("", "en-US")]
    public void SpeechLocales_Normalize(string input, string expected) => Assert.Equal(expected, SpeechLocales.Normalize(input));

    [Theory]
    [InlineData("english please")]
    [InlineData("e")]
    [InlineData("en-US; drop")]
    public void SpeechLocales_NotALanguageTag_IsRejected(string input) =>
        Assert.Equal(ErrorCodes.InvalidLocale, Assert.Throws<VoiceMemoryException>(() => SpeechLocales.Normalize(input)).Code);

    [Fact]
    public void RetryAfter_ReadsSecondsDatesAndMilliseconds()
    {
        var clock = TimeProvider.System;
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
        using var ms = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        ms.Headers.TryAddWithoutValidation("retry-after-ms", "1500");
        ms.Headers.TryAddWithoutValidation("Retry-After", "2");
        using var none = new HttpResponseMessage(HttpStatusCode.TooManyRequests);

        Assert.Equal(TimeSpan.FromSeconds(7), Http.RetryAfterHeader.Read(seconds, clock));
        Assert.InRange(Http.RetryAfterHeader.Read(date, clock)!.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Http.RetryAfterHeader.Read(ms, clock));
        Assert.Null(Http.RetryAfterHeader.Read(none, clock));
    }

    [Fact]
    public void WavDuration_ReadsByteRateAndDataSize()
    {
        var wav = AzureFastTranscriptionTests.MakeWav(seconds: 2);

        Assert.Equal(TimeSpan.FromSeconds(2), WavDuration.TryRead(wav.AsSpan(0, 64), wav.Length));
        Assert.Null(WavDuration.TryRead("OggS0000000000000000"u8, 20));
    }

    [Fact]
    public void Parser_CombinesChannelsAndWeighsConfidenceByDuration()
    {
        var result = FastTranscriptionParser.Parse("""
            {"durationMilliseconds":2000,"combinedPhrases":[{"channel":0,"text":"Hello."},{"channel":1,"text":"Hi."}],
             "phrases":[{"durationMilliseconds":500,"confidence":1.0,"locale":"en-US"},{"durationMilliseconds":1500,"confidence":0.5,"locale":"en-GB"}]}
            """u8, "en-US");

        Assert.Equal("Hello. Hi.", result.Text);
        Assert.Equal(0.625, result.Confidence, 3);
        Assert.Equal("en-GB", result.Locale);
        Assert.Equal(TimeSpan.FromSeconds(2), result.Duration);
    }

    [Fact]
    public void Validators_AcceptTheDefaults()
    {
        Assert.True(new SpeechOptionsValidator().Validate(null, new SpeechOptions()).Succeeded);
        Assert.True(new LlmOptionsValidator().Validate(null, new LlmOptions()).Succeeded);
        Assert.True(new SafetyOptionsValidator().Validate(null, new SafetyOptions()).Succeeded);
    }
}
