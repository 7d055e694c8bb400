using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Memory;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Tests.Providers;

/// <summary>Token usage per LLM call is the OpenTelemetry GenAI metric, under the VoiceMemory meter, with the server's counts.</summary>
public sealed class GenAiTokenUsageTests
{
    [Fact]
    public async Task ChatCall_RecordsInputAndOutputTokensTheServerReported()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "Hello Ana."));
        using var provider = ProviderTestHost.Build(OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key"));
        using var usage = new TokenUsageRecorder(server.BaseUri.Port);

        await OpenAiChatModelTests.Primary(provider).CompleteAsync(
            new Llm.ChatPrompt([new Llm.PromptMessage(Llm.PromptRole.User, "Hi")], MaxOutputTokens: 50), CancellationToken.None);

        Assert.Equal([("chat", "input", 12L), ("chat", "output", 5L)], usage.Recorded.OrderBy(r => r.Type).ToArray());
        Assert.All(usage.Tags, tags => Assert.Equal("chat-deployment", tags["gen_ai.request.model"]));
    }

    [Fact]
    public async Task EmbeddingCall_RecordsTheInputTokensTheServerReported()
    {
        float[][] vectors = [[0.5f, 1f]];
        await using var server = await LoopbackServer.StartAsync((ctx, request) => OpenAiResponses.Embeddings(ctx, request, vectors));
        var settings = OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key");
        settings["VoiceMemory:Llm:EmbeddingModel"] = "embedding-deployment";
        using var provider = ProviderTestHost.Build(settings);
        using var usage = new TokenUsageRecorder(server.BaseUri.Port);

        await provider.GetRequiredService<ITextEmbedder>().EmbedAsync(["I like tea."], CancellationToken.None);

        Assert.Equal([("embeddings", "input", 4L)], usage.Recorded.ToArray());
    }

    [Fact]
    public async Task FailedChatCall_RecordsNoTokens()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 400, "invalid_request_error"));
        using var provider = ProviderTestHost.Build(OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key"));
        using var usage = new TokenUsageRecorder(server.BaseUri.Port);

        await Assert.ThrowsAsync<Llm.ChatModelException>(() => OpenAiChatModelTests.Primary(provider).CompleteAsync(
            new Llm.ChatPrompt([new Llm.PromptMessage(Llm.PromptRole.User, "Hi")], MaxOutputTokens: 50), CancellationToken.None));

        Assert.Empty(usage.Recorded);
    }

    /// <summary>Listens to gen_ai.client.token.usage on the VoiceMemory meter for calls to one loopback port (tests run in parallel).</summary>
    private sealed class TokenUsageRecorder : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Operation, string Type, long Tokens)> recorded = new();
        private readonly ConcurrentQueue<Dictionary<string, object?>> tags = new();

        public TokenUsageRecorder(int port)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VoiceMemoryTelemetry.Name && instrument.Name == "gen_ai.client.token.usage")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, value, tagList, _) => Record(port, value, tagList));
            listener.SetMeasurementEventCallback<long>((_, value, tagList, _) => Record(port, value, tagList));
            listener.Start();
        }

        public IEnumerable<(string Operation, string Type, long Tokens)> Recorded => recorded;

        public IEnumerable<Dictionary<string, object?>> Tags => tags;

        public void Dispose() => listener.Dispose();

        private void Record(int port, long value, ReadOnlySpan<KeyValuePair<string, object?>> tagList)
        {
            var all = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tagList)
            {
                all[tag.Key] = tag.Value;
            }

            if (!all.TryGetValue("server.port", out var p) || Convert.ToInt32(p, System.Globalization.CultureInfo.InvariantCulture) != port)
            {
                return;
            }

            tags.Enqueue(all);
            recorded.Enqueue(((string)all["gen_ai.operation.name"]!, (string)all["gen_ai.token.type"]!, value));
        }
    }
}
