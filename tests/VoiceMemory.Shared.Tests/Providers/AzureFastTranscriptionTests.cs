using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Audio;
using VoiceMemory.Http;
using VoiceMemory.Maintenance;
using VoiceMemory.Speech;
using VoiceMemory.Speech.Azure;

namespace VoiceMemory.Tests.Providers;

public sealed class AzureFastTranscriptionTests
{
    private const string SuccessBody = """
        {"durationMilliseconds":4200,
         "combinedPhrases":[{"text":"My name is Ana. I like tea."}],
         "phrases":[
           {"offsetMilliseconds":0,"durationMilliseconds":1000,"text":"My name is Ana.","locale":"en-US","confidence":0.9},
           {"offsetMilliseconds":1200,"durationMilliseconds":3000,"text":"I like tea.","locale":"en-US","confidence":0.6}]}
        """;

    private static readonly byte[] Wav = MakeWav(seconds: 1);

    [Fact]
    public async Task Transcribe_SendsMultipartAudioAndDefinitionWithKey_ParsesTextConfidenceDurationLocale()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, SuccessBody));
        using var provider = Build(server);
        var stt = (AzureFastTranscription)provider.GetRequiredService<ISpeechToText>();

        var result = await stt.TranscribeDetailedAsync(new MemoryStream(Wav), AudioFormat.Wav, "en-us", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/speechtotext/transcriptions:transcribe", request.Path);
        Assert.Equal("2025-10-15", request.Query["api-version"]);
        Assert.Equal("test-key", request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Null(request.Header("Authorization"));
        Assert.StartsWith("multipart/form-data", request.Header("Content-Type"), StringComparison.Ordinal);
        var audio = Assert.Single(request.FormFiles);
        Assert.Equal("audio", audio.Name);
        Assert.Equal("audio/wav", audio.ContentType);
        Assert.Equal(Wav, audio.Content);
        using var definition = JsonDocument.Parse(request.FormFields["definition"]);
        Assert.Equal("en-US", Assert.Single(definition.RootElement.GetProperty("locales").EnumerateArray()).GetString());

        Assert.Equal("My name is Ana. I like tea.", result.Text);
        Assert.Equal("en-US", result.Locale);
        Assert.Equal(0.675, result.Confidence, 3);
        Assert.Equal(TimeSpan.FromMilliseconds(4200), result.Duration);
        Assert.Equal(2, result.PhraseCount);
    }

    [Fact]
    public async Task Transcribe_BareLanguage_IsMappedToSpeechLocaleAndDetectedLocaleReturned()
    {
        const string body = """{"durationMilliseconds":900,"combinedPhrases":[{"text":"我叫安娜。"}],"phrases":[{"durationMilliseconds":900,"text":"我叫安娜。","locale":"zh-CN","confidence":0.8}]}""";
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, body));
        using var provider = Build(server);

        var transcript = await provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new MemoryStream(Wav), AudioFormat.Wav, "zh", CancellationToken.None);

        using var definition = JsonDocument.Parse(Assert.Single(server.Requests).FormFields["definition"]);
        Assert.Equal("zh-CN", definition.RootElement.GetProperty("locales")[0].GetString());
        Assert.Equal("我叫安娜。", transcript.Text);
        Assert.Equal("zh-CN", transcript.Language);
        Assert.Equal(0.8, transcript.Confidence, 3);
    }

    [Fact]
    public async Task Transcribe_NoSpeech_ReturnsEmptyTranscript()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, """{"durationMilliseconds":3000,"combinedPhrases":[],"phrases":[]}"""));
        using var provider = Build(server);

        var transcript = await provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new MemoryStream(Wav), AudioFormat.Wav, "en-US", CancellationToken.None);

        Assert.True(transcript.IsEmpty);
        Assert.Equal("en-US", transcript.Language);
        Assert.Equal(0, transcript.Confidence);
    }

    [Fact]
    public async Task Transcribe_WithoutKey_SendsEntraBearerTokenForCognitiveServicesScope()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, SuccessBody));
        var credential = new FakeTokenCredential("stt-token");
        using var provider = Build(server, apiKey: null, credential: credential);

        await provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new MemoryStream(Wav), AudioFormat.Wav, "en-US", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer stt-token", request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
        Assert.Equal("https://cognitiveservices.azure.com/.default", Assert.Single(credential.Scopes.Distinct()));
    }

    [Theory]
    [InlineData(401, "provider_unauthorized")]
    [InlineData(403, "provider_unauthorized")]
    [InlineData(404, "provider_rejected")]
    [InlineData(400, "provider_rejected")]
    public async Task Transcribe_ClientErrors_FailTypedWithoutRetry(int status, string code)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, status, """{"code":"InvalidRequest","message":"nope"}"""));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal(code, error.Code);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Transcribe_408Always_RetriesThenFailsAsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 408, "{}"));
        using var provider = Build(server, maxAttempts: 3);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal("provider_timeout", error.Code);
        Assert.True(error.IsTransient);
        Assert.Equal(3, server.Count);
    }

    [Fact]
    public async Task Transcribe_429WithRetryAfter_WaitsTheHintThenSucceeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers.RetryAfter = "1";
                return Json(ctx, 429, """{"code":"TooManyRequests"}""");
            }

            return Json(ctx, 200, SuccessBody);
        });
        using var provider = Build(server);

        var transcript = await Transcribe(provider);

        Assert.Equal("My name is Ana. I like tea.", transcript.Text);
        Assert.Equal(2, server.Count);
        // Backoff is 10 ms in these tests: only the Retry-After hint explains a gap of a second between the attempts.
        Assert.True(server.GapBeforeSecondRequest() >= TimeSpan.FromMilliseconds(950), $"waited {server.GapBeforeSecondRequest()}");
    }

    [Fact]
    public async Task Transcribe_429WithRetryAfterOverTheCap_FailsFastAsThrottledWithTheHint()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.Headers.RetryAfter = "120";
            return Json(ctx, 429, "{}");
        });
        using var provider = Build(server);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal("provider_throttled", error.Code);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Equal(1, server.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Transcribe_500Then503ThenOk_RetriesAndSucceeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Interlocked.Increment(ref calls) switch
        {
            1 => Json(ctx, 500, "{}"),
            2 => Json(ctx, 503, "{}"),
            _ => Json(ctx, 200, SuccessBody),
        });
        using var provider = Build(server, maxAttempts: 3);

        var transcript = await Transcribe(provider);

        Assert.False(transcript.IsEmpty);
        Assert.Equal(3, server.Count);
        // The audio part is sent whole on every attempt.
        Assert.All(server.Requests, r => Assert.Equal(Wav, Assert.Single(r.FormFiles).Content));
    }

    [Fact]
    public async Task Transcribe_503Always_FailsUnavailableAndHealthDegrades()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 503, "{}"));
        using var provider = Build(server, maxAttempts: 2);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal("provider_unavailable", error.Code);
        Assert.Equal(2, server.Count);
        var check = provider.GetServices<IDependencyCheck>().Single(c => c.Name == ProviderNames.SpeechToText);
        Assert.True(check.Critical);
        Assert.Equal(HealthState.Degraded, (await check.CheckAsync(CancellationToken.None)).Status);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"unexpected":true}""")]
    [InlineData("[1,2,3]")]
    public async Task Transcribe_MalformedBody_FailsAsBadResponse(string body)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, body));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal("provider_bad_response", error.Code);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Transcribe_SlowerThanTheTimeout_FailsAsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6), ctx.RequestAborted);
            await Json(ctx, 200, SuccessBody);
        });
        using var provider = Build(server, maxAttempts: 1, timeoutSeconds: 1);

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.Equal("provider_timeout", error.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Transcribe_RepeatedFailures_OpenTheCircuitWhichFailsFastAndShowsUnhealthy()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 500, "{}"));
        using var provider = Build(server, maxAttempts: 1, extra: new()
        {
            ["VoiceMemory:Speech:Resilience:MinimumThroughput"] = "2",
            ["VoiceMemory:Speech:Resilience:FailureRatio"] = "1.0",
        });

        await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));
        await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));
        var open = await Assert.ThrowsAsync<ProviderException>(() => Transcribe(provider));

        Assert.True(open.CircuitOpen);
        Assert.Equal("provider_unavailable", open.Code);
        Assert.Equal(2, server.Count);
        var check = provider.GetServices<IDependencyCheck>().Single(c => c.Name == ProviderNames.SpeechToText);
        var health = await check.CheckAsync(CancellationToken.None);
        Assert.Equal(HealthState.Unhealthy, health.Status);
        Assert.Contains("circuit open", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transcribe_OverTheServiceSizeLimit_IsRejectedBeforeTheCall()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, SuccessBody));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() =>
            provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new HugeSeekableStream(AzureFastTranscription.MaxAudioBytes + 1), AudioFormat.Mp3, "en-US", CancellationToken.None));

        Assert.Equal("audio_too_large", error.Code);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Transcribe_WavLongerThanTwoHours_IsRejectedBeforeTheCall()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, SuccessBody));
        using var provider = Build(server);
        // 9000 bytes at 1 byte/s: two and a half hours.
        var header = MakeWavHeader(byteRate: 1, dataBytes: 9000);
        var audio = new byte[header.Length + 9000];
        header.CopyTo(audio, 0);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() =>
            provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new MemoryStream(audio), AudioFormat.Wav, "en-US", CancellationToken.None));

        Assert.Equal("audio_too_long", error.Code);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Transcribe_NonSeekableStream_IsBufferedAndSent()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Json(ctx, 200, SuccessBody));
        using var provider = Build(server);

        await provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new ForwardOnlyStream(Wav), AudioFormat.Ogg, "en-US", CancellationToken.None);

        var file = Assert.Single(Assert.Single(server.Requests).FormFiles);
        Assert.Equal(Wav, file.Content);
        Assert.Equal("audio/ogg", file.ContentType);
    }

    internal static byte[] MakeWav(int seconds)
    {
        const int rate = 16000;
        var data = new byte[rate * 2 * seconds];
        var header = MakeWavHeader(rate * 2, (uint)data.Length);
        return [.. header, .. data];
    }

    private static byte[] MakeWavHeader(int byteRate, uint dataBytes)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVE"u8);
        writer.Write("fmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(byteRate / 2);
        writer.Write(byteRate);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        writer.Flush();
        return stream.ToArray();
    }

    private static Task<VoiceMemory.Turns.Transcript> Transcribe(ServiceProvider provider) =>
        provider.GetRequiredService<ISpeechToText>().TranscribeAsync(new MemoryStream(Wav), AudioFormat.Wav, "en-US", CancellationToken.None);

    private static ServiceProvider Build(LoopbackServer server, string? apiKey = "test-key", FakeTokenCredential? credential = null, int maxAttempts = 3, int timeoutSeconds = 10, Dictionary<string, string?>? extra = null)
    {
        var settings = ProviderTestHost.Fast("Speech", new Dictionary<string, string?>
        {
            ["VoiceMemory:Speech:Provider"] = "Azure",
            ["VoiceMemory:Speech:Endpoint"] = server.BaseUri.ToString(),
            ["VoiceMemory:Speech:TtsEndpoint"] = server.BaseUri.ToString(),
            ["VoiceMemory:Speech:ApiKey"] = apiKey,
            ["VoiceMemory:Speech:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["VoiceMemory:Speech:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return ProviderTestHost.Build(settings, credential: credential);
    }

    internal static Task Json(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body, Encoding.UTF8);
    }
}
