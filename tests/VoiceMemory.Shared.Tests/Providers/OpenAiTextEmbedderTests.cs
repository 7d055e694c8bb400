using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Http;
using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Providers;

public sealed class OpenAiTextEmbedderTests
{
    private static readonly float[][] Vectors = [[0.25f, -0.5f, 1f], [1f, 0f, 0.125f]];

    [Fact]
    public async Task Embed_PostsInputsToTheEmbeddingDeployment_ReturnsVectorsInInputOrder()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, request) => OpenAiResponses.Embeddings(ctx, request, Vectors, reverse: true));
        using var provider = Build(server);

        var vectors = await provider.GetRequiredService<ITextEmbedder>().EmbedAsync(["I like tea.", "My name is Ana."], CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("embedding-deployment", body.RootElement.GetProperty("model").GetString());
        Assert.Equal(["I like tea.", "My name is Ana."], body.RootElement.GetProperty("input").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal(Vectors, vectors);
    }

    [Fact]
    public async Task Embed_NoTexts_MakesNoCall()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, request) => OpenAiResponses.Embeddings(ctx, request, Vectors));
        using var provider = Build(server);

        Assert.Empty(await provider.GetRequiredService<ITextEmbedder>().EmbedAsync([], CancellationToken.None));
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public async Task Embed_FewerVectorsThanTexts_FailsAsBadResponse()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, request) => OpenAiResponses.Embeddings(ctx, request, [Vectors[0]]));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<ITextEmbedder>().EmbedAsync(["a", "b"], CancellationToken.None));

        Assert.Equal("provider_bad_response", error.Code);
    }

    [Fact]
    public async Task Embed_ServiceDown_FailsTyped()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 503, "down"));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ProviderException>(() => provider.GetRequiredService<ITextEmbedder>().EmbedAsync(["a"], CancellationToken.None));

        Assert.Equal("provider_unavailable", error.Code);
    }

    [Fact]
    public void Embedder_NotConfigured_IsNotRegistered()
    {
        using var provider = ProviderTestHost.Build(OpenAiChatModelTests.Settings(new Uri("http://127.0.0.1:9/v1/"), "k"));

        Assert.Null(provider.GetService<ITextEmbedder>());
    }

    private static ServiceProvider Build(LoopbackServer server)
    {
        var settings = OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key");
        settings["VoiceMemory:Llm:EmbeddingModel"] = "embedding-deployment";
        settings["VoiceMemory:Llm:MaxAttempts"] = "1";
        return ProviderTestHost.Build(settings);
    }
}
