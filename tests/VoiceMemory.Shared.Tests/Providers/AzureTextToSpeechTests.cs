using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Configuration;
using VoiceMemory.Http;
using VoiceMemory.Speech;
using VoiceMemory.Speech.Azure;

namespace VoiceMemory.Tests.Providers;

public sealed class AzureTextToSpeechTests
{
    private static readonly byte[] Mp3 = [0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0xFF, 0xFB, 0x90, 0x64];
    private static readonly XNamespace Ssml = "http://www.w3.org/2001/10/synthesis";

    [Fact]
    public async Task Synthesize_PostsEscapedSsmlWithVoiceForLocaleAndMp3Format_ReturnsMp3()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Audio(ctx));
        using var provider = Build(server);
        const string text = "Tom & Jerry <b>say</b> \"hi\" 'there' \u0001ok 😀";

        var speech = await provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync(text, "zh-cn", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/cognitiveservices/v1", request.Path);
        Assert.Equal("application/ssml+xml", request.Header("Content-Type"));
        Assert.Equal("audio-24khz-48kbitrate-mono-mp3", request.Header("X-Microsoft-OutputFormat"));
        Assert.Contains("VoiceMemory", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal("tts-key", request.Header("Ocp-Apim-Subscription-Key"));
        var ssml = XDocument.Parse(request.BodyText);
        Assert.Equal(Ssml + "speak", ssml.Root!.Name);
        Assert.Equal("1.0", ssml.Root.Attribute("version")!.Value);
        Assert.Equal("zh-CN", ssml.Root.Attribute(XNamespace.Xml + "lang")!.Value);
        var voice = Assert.Single(ssml.Root.Elements(Ssml + "voice"));
        Assert.Equal("zh-CN-XiaoxiaoNeural", voice.Attribute("name")!.Value);
        // Markup in the reply stays text; the control character XML cannot carry is dropped.
        Assert.Equal("Tom & Jerry <b>say</b> \"hi\" 'there' ok 😀", voice.Value);
        Assert.Empty(voice.Elements());
        Assert.Equal(Mp3, speech.Audio);
        Assert.Equal("audio/mpeg", speech.ContentType);
        Assert.Equal(".mp3", speech.FileExtension);
    }

    [Theory]
    [InlineData("en-GB", "en-US-AvaMultilingualNeural")]
    [InlineData("fr-FR", "en-US-AvaMultilingualNeural")]
    [InlineData("zh-TW", "zh-CN-XiaoxiaoNeural")]
    [InlineData("de-DE", "de-DE-KatjaNeural")]
    [InlineData("de-AT", "de-DE-KatjaNeural")]
    public async Task Synthesize_PicksVoiceByLocaleThenLanguageThenEnUs(string locale, string expected)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Audio(ctx));
        using var provider = Build(server, extra: new() { ["VoiceMemory:Speech:Voices:de"] = "de-DE-KatjaNeural" });

        await provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hello", locale, CancellationToken.None);

        var ssml = XDocument.Parse(Assert.Single(server.Requests).BodyText);
        Assert.Equal(expected, ssml.Root!.Element(Ssml + "voice")!.Attribute("name")!.Value);
        Assert.Equal(locale, ssml.Root.Attribute(XNamespace.Xml + "lang")!.Value);
    }

    [Fact]
    public async Task Synthesize_EntraWithResourceId_SendsAadPrefixedBearer()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Audio(ctx));
        const string resourceId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.CognitiveServices/accounts/speech1";
        using var provider = Build(server, apiKey: null, credential: new FakeTokenCredential("tts-token"), extra: new() { ["VoiceMemory:Speech:ResourceId"] = resourceId });

        await provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hello", "en-US", CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal($"Bearer aad#{resourceId}#tts-token", request.Header("Authorization"));
        Assert.Null(request.Header("Ocp-Apim-Subscription-Key"));
    }

    [Theory]
    [InlineData(401, "provider_unauthorized", 1)]
    [InlineData(403, "provider_unauthorized", 1)]
    [InlineData(404, "provider_rejected", 1)]
    [InlineData(500, "provider_unavailable", 2)]
    [InlineData(503, "provider_unavailable", 2)]
    [InlineData(408, "provider_timeout", 2)]
    public async Task Synthesize_ErrorStatuses_FailTyped(int status, string code, int attempts)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        });
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hi", "en-US", CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Equal(attempts, server.Count);
    }

    [Fact]
    public async Task Synthesize_429WithRetryAfter_HonoursTheHint()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.StatusCode = 429;
                ctx.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return Audio(ctx);
        });
        using var provider = Build(server);

        var speech = await provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hi", "en-US", CancellationToken.None);

        Assert.Equal(Mp3, speech.Audio);
        Assert.Equal(2, server.Count);
        Assert.True(server.GapBeforeSecondRequest() >= TimeSpan.FromMilliseconds(950), $"waited {server.GapBeforeSecondRequest()}");
    }

    [Fact]
    public async Task Synthesize_SuccessWithoutAudio_FailsAsBadResponse()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 200, """{"error":"not audio"}"""));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hi", "en-US", CancellationToken.None));

        Assert.Equal("provider_bad_response", error.Code);
    }

    [Fact]
    public async Task Synthesize_SlowerThanTheTimeout_FailsAsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6), ctx.RequestAborted);
            await Audio(ctx);
        });
        using var provider = Build(server, extra: new() { ["VoiceMemory:Speech:TimeoutSeconds"] = "1", ["VoiceMemory:Speech:MaxAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("Hi", "en-US", CancellationToken.None));

        Assert.Equal("provider_timeout", error.Code);
    }

    [Fact]
    public async Task Synthesize_EmptyText_FailsWithoutCalling()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Audio(ctx));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() => provider.GetRequiredService<ITextToSpeech>().SynthesizeAsync("  ", "en-US", CancellationToken.None));

        Assert.Equal("empty_text", error.Code);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void BaseOf_RegionWithoutTtsEndpoint_IsTheRegionalTtsHost()
    {
        var uri = AzureTextToSpeech.BaseOf(new SpeechOptions { Region = "eastus" });

        Assert.Equal(new Uri("https://eastus.tts.speech.microsoft.com/cognitiveservices/v1"), new Uri(uri, "cognitiveservices/v1"));
    }

    private static Task Audio(HttpContext context)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "audio/mpeg";
        return context.Response.Body.WriteAsync(Mp3).AsTask();
    }

    private static ServiceProvider Build(LoopbackServer server, string? apiKey = "tts-key", FakeTokenCredential? credential = null, Dictionary<string, string?>? extra = null)
    {
        var settings = ProviderTestHost.Fast("Speech", new Dictionary<string, string?>
        {
            ["VoiceMemory:Speech:Provider"] = "Azure",
            ["VoiceMemory:Speech:Endpoint"] = server.BaseUri.ToString(),
            ["VoiceMemory:Speech:TtsEndpoint"] = server.BaseUri.ToString().TrimEnd('/'),
            ["VoiceMemory:Speech:ApiKey"] = apiKey,
            ["VoiceMemory:Speech:MaxAttempts"] = "2",
        });
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return ProviderTestHost.Build(settings, credential: credential);
    }
}
