using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Providers;

public sealed class LlmFactExtractorTests
{
    private static readonly ExtractedFact HeuristicFact = new("I like tea.", FactKind.Preference, null);

    [Fact]
    public async Task Extract_AsksForStrictJsonSchema_ReturnsValidatedFacts()
    {
        const string content = """
            {"facts":[
              {"text":"My name is Ana.","kind":"profile","key":"profile.name"},
              {"text":"I am allergic to peanuts.","kind":"health","key":null},
              {"text":"I have a sister called Mia.","kind":"relationship","key":"relationship.sister_invented"},
              {"text":"Something","kind":"gossip","key":null},
              {"text":"   ","kind":"note","key":null}]}
            """;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, content));
        var heuristic = new StubExtractor([HeuristicFact]);
        using var provider = Build(server, heuristic);
        var extractor = provider.GetRequiredService<IFactExtractor>();

        var facts = await extractor.ExtractAsync("My name is Ana and I'm allergic to peanuts.", "en-US", CancellationToken.None);

        Assert.IsType<LlmFactExtractor>(extractor);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("remembered_facts", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("My name is Ana and I'm allergic to peanuts.", body.RootElement.GetProperty("messages")[1].GetProperty("content").GetString());

        Assert.Equal(
            [new ExtractedFact("My name is Ana.", FactKind.Profile, "profile.name"), new ExtractedFact("I am allergic to peanuts.", FactKind.Health, null), new ExtractedFact("I have a sister called Mia.", FactKind.Relationship, null)],
            facts);
        Assert.Equal(0, heuristic.Calls);
    }

    [Fact]
    public async Task Extract_NothingToRemember_ReturnsNoFactsWithoutFallback()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, """{"facts":[]}"""));
        var heuristic = new StubExtractor([HeuristicFact]);
        using var provider = Build(server, heuristic);

        var facts = await provider.GetRequiredService<IFactExtractor>().ExtractAsync("How are you?", "en-US", CancellationToken.None);

        Assert.Empty(facts);
        Assert.Equal(0, heuristic.Calls);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"memories":[]}""")]
    [InlineData("""{"facts":[{"text":"x","kind":"unknown","key":null}]}""")]
    public async Task Extract_InvalidOutput_FallsBackToTheHeuristic(string content)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, content));
        var heuristic = new StubExtractor([HeuristicFact]);
        using var provider = Build(server, heuristic);

        var facts = await provider.GetRequiredService<IFactExtractor>().ExtractAsync("I like tea.", "en-US", CancellationToken.None);

        Assert.Equal([HeuristicFact], facts);
        Assert.Equal(1, heuristic.Calls);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(401)]
    [InlineData(429)]
    public async Task Extract_LlmUnavailable_FallsBackToTheHeuristic(int status)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, status, "error", retryAfter: "60"));
        var heuristic = new StubExtractor([HeuristicFact]);
        using var provider = Build(server, heuristic);

        var facts = await provider.GetRequiredService<IFactExtractor>().ExtractAsync("I like tea.", "en-US", CancellationToken.None);

        Assert.Equal([HeuristicFact], facts);
    }

    [Fact]
    public async Task Extract_ContentFilterRefusal_FallsBackToTheHeuristic()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 400, OpenAiResponses.ContentFilterError));
        var heuristic = new StubExtractor([HeuristicFact]);
        using var provider = Build(server, heuristic);

        var facts = await provider.GetRequiredService<IFactExtractor>().ExtractAsync("I like tea.", "en-US", CancellationToken.None);

        Assert.Equal([HeuristicFact], facts);
    }

    [Fact]
    public void Extractor_WithExtractFactsOff_IsTheHeuristic()
    {
        var heuristic = new StubExtractor([]);
        var settings = OpenAiChatModelTests.Settings(new Uri("http://127.0.0.1:9/v1/"), "k");
        settings["VoiceMemory:Llm:ExtractFacts"] = "false";
        using var provider = ProviderTestHost.Build(settings, heuristic: heuristic);

        Assert.Same(heuristic, provider.GetRequiredService<IFactExtractor>());
    }

    [Fact]
    public void Parse_DropsOverlongTextAndDuplicateKeys()
    {
        var longText = new string('a', LlmFactOutput.MaxTextLength + 1);
        var facts = LlmFactOutput.Parse($$"""
            {"facts":[{"text":"My name is Ana.","kind":"profile","key":"profile.name"},
                      {"text":"My name is Anna.","kind":"profile","key":"profile.name"},
                      {"text":"{{longText}}","kind":"note","key":null}]}
            """);

        Assert.Equal([new ExtractedFact("My name is Ana.", FactKind.Profile, "profile.name")], facts);
    }

    private static ServiceProvider Build(LoopbackServer server, StubExtractor heuristic)
    {
        var settings = OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key");
        settings["VoiceMemory:Llm:MaxAttempts"] = "1";
        return ProviderTestHost.Build(settings, heuristic: heuristic);
    }
}
