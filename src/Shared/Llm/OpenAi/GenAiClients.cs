using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using OpenAI;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>
/// Microsoft.Extensions.AI clients over an <see cref="OpenAIClient"/> built by <see cref="OpenAiClientFactory"/> (so its
/// auth policy and the channel's resilience pipeline still govern every request), wrapped with the library's OpenTelemetry
/// GenAI instrumentation under the <c>VoiceMemory</c> source and meter: a <c>chat</c> / <c>embeddings</c> span per call,
/// <c>gen_ai.client.operation.duration</c> and <c>gen_ai.client.token.usage</c> [gen_ai.token.type = input|output,
/// gen_ai.request.model, gen_ai.response.model, server.address]. Prompts and answers are never recorded.
/// </summary>
public static class GenAiClients
{
    /// <summary>The instrumented chat client of <paramref name="model"/> (a deployment name on Azure OpenAI).</summary>
    public static IChatClient Chat(OpenAIClient client, string model, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetChatClient(model).AsIChatClient()
            .AsBuilder()
            .UseOpenTelemetry(loggerFactory, VoiceMemoryTelemetry.Name, telemetry => telemetry.EnableSensitiveData = false)
            .Build();
    }

    /// <summary>The instrumented embedding generator of <paramref name="model"/> on <paramref name="endpoint"/>.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(OpenAIClient client, Uri endpoint, string model, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new OpenAiEmbeddingGenerator(client.GetEmbeddingClient(model), endpoint, model)
            .AsBuilder()
            .UseOpenTelemetry(loggerFactory, VoiceMemoryTelemetry.Name, telemetry => telemetry.EnableSensitiveData = false)
            .Build();
    }
}
