using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Http;
using VoiceMemory.Maintenance;
using VoiceMemory.Safety;
using VoiceMemory.Safety.Azure;

namespace VoiceMemory.Tests.Providers;

public sealed class AzureContentSafetyTests
{
    [Fact]
    public async Task Screen_PostsTextAnalyzeWithCategoriesAndOutputType_SelfHarmOnUserInputIsCrisis()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, hate: 0, selfHarm: 4, sexual: 0, violence: 2));
        using var provider = Build(server);
        var screen = provider.GetRequiredService<AzureContentSafetyScreen>();

        var verdict = await screen.ScreenAsync("some words", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/contentsafety/text:analyze", request.Path);
        Assert.Equal("2024-09-01", request.Query["api-version"]);
        Assert.Equal("cs-key", request.Header("Ocp-Apim-Subscription-Key"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("some words", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(["Hate", "SelfHarm", "Sexual", "Violence"], body.RootElement.GetProperty("categories").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("FourSeverityLevels", body.RootElement.GetProperty("outputType").GetString());

        Assert.True(verdict.Flagged);
        Assert.True(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.SelfHarm, verdict.Category);
        Assert.Equal(4, verdict.Severity);
        Assert.Equal(AzureContentSafetyScreen.SourceName, verdict.Source);
    }

    [Fact]
    public async Task Screen_SelfHarmOnAReply_FlagsButIsNoCrisis()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, 0, 4, 0, 0));
        using var provider = Build(server);

        var verdict = await provider.GetRequiredService<AzureContentSafetyScreen>().ScreenAsync("reply", "en-US", ScreenTarget.Reply, CancellationToken.None);

        Assert.True(verdict.Flagged);
        Assert.False(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.SelfHarm, verdict.Category);
    }

    [Theory]
    [InlineData(2, 0, 0, 0, true, "hate")]
    [InlineData(0, 0, 2, 0, false, null)]
    [InlineData(0, 0, 4, 6, true, "violence")]
    [InlineData(0, 0, 0, 0, false, null)]
    public async Task Screen_UsesThresholdsFromConfiguration(int hate, int selfHarm, int sexual, int violence, bool flagged, string? category)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, hate, selfHarm, sexual, violence));
        using var provider = Build(server, new() { ["VoiceMemory:Safety:Thresholds:Hate"] = "2" });

        var verdict = await provider.GetRequiredService<AzureContentSafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.Reply, CancellationToken.None);

        Assert.Equal(flagged, verdict.Flagged);
        Assert.Equal(category, verdict.Category);
        Assert.False(verdict.IsCrisis);
    }

    [Fact]
    public async Task Screen_TextOverTheServiceLimit_IsAnalysedInPiecesKeepingTheHighestSeverity()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
            Interlocked.Increment(ref calls) == 2 ? Analysis(ctx, 0, 0, 0, 6) : Analysis(ctx, 0, 0, 0, 0));
        using var provider = Build(server);
        var text = string.Join(' ', Enumerable.Repeat("word", 5000));

        var verdict = await provider.GetRequiredService<AzureContentSafetyScreen>().ScreenAsync(text, "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.Equal(3, server.Count);
        var pieces = server.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, AzureContentSafetyScreen.MaxTextLength));
        Assert.Equal(text, string.Concat(pieces));
        Assert.Equal(SafetyCategories.Violence, verdict.Category);
        Assert.Equal(6, verdict.Severity);
    }

    [Theory]
    [InlineData(401, "provider_unauthorized")]
    [InlineData(403, "provider_unauthorized")]
    [InlineData(404, "provider_rejected")]
    [InlineData(503, "provider_unavailable")]
    public async Task Screen_ErrorStatuses_FailTyped(int status, string code)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, status, """{"error":{"code":"Oops","message":"no"}}"""));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            provider.GetRequiredService<AzureContentSafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None));

        Assert.Equal(code, error.Code);
        Assert.Contains("Oops", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"categoriesAnalysis":[{"category":"Hate","severity":"high"}]}""")]
    [InlineData("""{"blocklistsMatch":[]}""")]
    [InlineData("<html>")]
    public async Task Screen_MalformedBody_FailsAsBadResponse(string body)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 200, body));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            provider.GetRequiredService<AzureContentSafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None));

        Assert.Equal("provider_bad_response", error.Code);
    }

    [Fact]
    public async Task Composite_LexiconCrisisAndAzureClear_IsCrisisFromTheLexicon()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, 0, 0, 0, 0));
        var lexicon = new StubLexicon(new SafetyVerdict(true, SafetyCategories.SelfHarm, true, 6, "lexicon"));
        using var provider = Build(server, lexicon: lexicon);

        var verdict = await provider.GetRequiredService<ISafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.IsType<CompositeSafetyScreen>(provider.GetRequiredService<ISafetyScreen>());
        Assert.True(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.SelfHarm, verdict.Category);
        Assert.Equal("lexicon", verdict.Source);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Composite_LexiconClearAndAzureSelfHarmOverThreshold_IsCrisisFromAzure()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, 0, 2, 0, 0));
        using var provider = Build(server);

        var verdict = await provider.GetRequiredService<ISafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.True(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.SelfHarm, verdict.Category);
        Assert.Equal(AzureContentSafetyScreen.SourceName, verdict.Source);
    }

    [Fact]
    public async Task Composite_BothClear_IsClearNamingBothScreens()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Analysis(ctx, 0, 0, 0, 0));
        using var provider = Build(server);

        var verdict = await provider.GetRequiredService<ISafetyScreen>().ScreenAsync("hello", "en-US", ScreenTarget.Reply, CancellationToken.None);

        Assert.False(verdict.Flagged);
        Assert.Equal("lexicon+azure_content_safety", verdict.Source);
    }

    [Fact]
    public async Task Composite_AzureDown_LexiconVerdictStandsAndHealthShowsTheOutage()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 503, "{}"));
        var lexiconVerdict = new SafetyVerdict(true, SafetyCategories.SelfHarm, true, 6, "lexicon");
        using var provider = Build(server, lexicon: new StubLexicon(lexiconVerdict));

        var verdict = await provider.GetRequiredService<ISafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.Same(lexiconVerdict, verdict);
        var check = provider.GetServices<IDependencyCheck>().Single(c => c.Name == ProviderNames.ContentSafety);
        Assert.False(check.Critical);
        var health = await check.CheckAsync(CancellationToken.None);
        Assert.Equal(HealthState.Degraded, health.Status);
        Assert.Contains("provider_unavailable", health.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_AzureAnswersGarbage_LexiconVerdictStands()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 200, "nonsense"));
        using var provider = Build(server);

        var verdict = await provider.GetRequiredService<ISafetyScreen>().ScreenAsync("text", "en-US", ScreenTarget.UserInput, CancellationToken.None);

        Assert.Equal("lexicon", verdict.Source);
        Assert.False(verdict.Flagged);
    }

    [Fact]
    public void Combine_BothFlagNoCrisis_KeepsTheMoreSevereCategory()
    {
        var combined = CompositeSafetyScreen.Combine(
            new SafetyVerdict(true, SafetyCategories.Abuse, false, 2, "lexicon"),
            new SafetyVerdict(true, SafetyCategories.Hate, false, 6, "azure_content_safety"));

        Assert.True(combined.Flagged);
        Assert.False(combined.IsCrisis);
        Assert.Equal(SafetyCategories.Hate, combined.Category);
        Assert.Equal(6, combined.Severity);
        Assert.Equal("lexicon+azure_content_safety", combined.Source);
    }

    private static Task Analysis(HttpContext context, int hate, int selfHarm, int sexual, int violence) =>
        AzureFastTranscriptionTests.Json(context, 200, $$"""
            {"blocklistsMatch":[],"categoriesAnalysis":[
              {"category":"Hate","severity":{{hate}}},{"category":"SelfHarm","severity":{{selfHarm}}},
              {"category":"Sexual","severity":{{sexual}}},{"category":"Violence","severity":{{violence}}}]}
            """);

    private static ServiceProvider Build(LoopbackServer server, Dictionary<string, string?>? extra = null, StubLexicon? lexicon = null)
    {
        var settings = ProviderTestHost.Fast("Safety", new Dictionary<string, string?>
        {
            ["VoiceMemory:Safety:Provider"] = "Azure",
            ["VoiceMemory:Safety:Endpoint"] = server.BaseUri.ToString(),
            ["VoiceMemory:Safety:ApiKey"] = "cs-key",
            ["VoiceMemory:Safety:MaxAttempts"] = "1",
        });
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return ProviderTestHost.Build(settings, lexicon: lexicon);
    }
}
