using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the OpenAI SDK's <see cref="EmbeddingClient"/> that places
/// each vector by the <c>index</c> the server gives it. Microsoft.Extensions.AI.OpenAI's own generator takes the response's
/// order as the input order, which the API does not promise (decision 0014); everything else — the OpenTelemetry GenAI
/// instrumentation and token usage — is the library's, composed over this one. A response that does not hold exactly one
/// vector per input throws <see cref="FormatException"/> (classified as <c>provider_bad_response</c>).
/// </summary>
public sealed class OpenAiEmbeddingGenerator(EmbeddingClient client, Uri endpoint, string model) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata metadata = new("openai", endpoint, model);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        var sdkOptions = new OpenAI.Embeddings.EmbeddingGenerationOptions { Dimensions = options?.Dimensions };
        var collection = (await client.GenerateEmbeddingsAsync(inputs, sdkOptions, cancellationToken)).Value;
        var placed = new Embedding<float>?[inputs.Count];
        foreach (var item in collection)
        {
            if (item.Index < 0 || item.Index >= placed.Length || placed[item.Index] is not null)
            {
                throw new FormatException($"The embedding response holds index {item.Index} for {inputs.Count} inputs.");
            }

            placed[item.Index] = new Embedding<float>(item.ToFloats()) { ModelId = collection.Model };
        }

        if (placed.Any(e => e is null || e.Vector.Length == 0))
        {
            throw new FormatException("The embedding response does not hold one vector per input.");
        }

        return new GeneratedEmbeddings<Embedding<float>>(placed!)
        {
            Usage = collection.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(EmbeddingGeneratorMetadata))
        {
            return metadata;
        }

        return serviceType.IsInstanceOfType(client) ? client : serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The EmbeddingClient belongs to the OpenAIClient singleton; nothing is owned here.
    }
}
