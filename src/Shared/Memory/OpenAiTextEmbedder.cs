using OpenAI.Embeddings;
using VoiceMemory.Http;
using VoiceMemory.Llm.OpenAi;

namespace VoiceMemory.Memory;

/// <summary>
/// Embeddings from an OpenAI-compatible embedding model or deployment (<c>Llm:EmbeddingModel</c> on the primary endpoint),
/// used to rank recalled facts by meaning. Failures throw <see cref="ProviderException"/>; recall then ranks without them.
/// </summary>
public sealed class OpenAiTextEmbedder(EmbeddingClient client, ProviderChannel channel) : ITextEmbedder
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        OpenAIEmbeddingCollection embeddings;
        try
        {
            embeddings = (await client.GenerateEmbeddingsAsync(texts, cancellationToken: cancellationToken)).Value;
        }
        catch (Exception e) when (OpenAiErrors.Classify(e, channel.Name, channel.TimeProvider, cancellationToken) is { } failure)
        {
            throw failure;
        }

        var vectors = new float[texts.Count][];
        foreach (var embedding in embeddings)
        {
            if (embedding.Index < 0 || embedding.Index >= vectors.Length || vectors[embedding.Index] is not null)
            {
                throw BadResponse();
            }

            vectors[embedding.Index] = embedding.ToFloats().ToArray();
        }

        if (vectors.Any(v => v is null || v.Length == 0))
        {
            throw BadResponse();
        }

        return vectors;
    }

    private ProviderException BadResponse()
    {
        channel.RecordFailure(ErrorCodes.ProviderBadResponse);
        return new ProviderException(channel.Name, ErrorCodes.ProviderBadResponse, "The embedding response does not hold one vector per text.");
    }
}
