using Microsoft.Extensions.AI;
using VoiceMemory.Http;
using VoiceMemory.Llm.OpenAi;

namespace VoiceMemory.Memory;

/// <summary>
/// Embeddings from an OpenAI-compatible embedding model or deployment (<c>Llm:EmbeddingModel</c> on the primary endpoint)
/// through a Microsoft.Extensions.AI <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> (see <see cref="GenAiClients"/>),
/// used to rank recalled facts by meaning. Failures throw <see cref="ProviderException"/>; recall then ranks without them.
/// </summary>
public sealed class OpenAiTextEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, ProviderChannel channel) : ITextEmbedder
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        GeneratedEmbeddings<Embedding<float>> embeddings;
        try
        {
            embeddings = await generator.GenerateAsync(texts, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (OpenAiErrors.Classify(e, channel.Name, channel.TimeProvider, cancellationToken) is { } failure)
        {
            if (failure.Code == ErrorCodes.ProviderBadResponse)
            {
                // A 200 whose body is wrong counts as a failure of the channel for health, as HTTP failures do.
                channel.RecordFailure(failure.Code);
            }

            throw failure;
        }

        if (embeddings.Count != texts.Count || embeddings.Any(e => e.Vector.Length == 0))
        {
            channel.RecordFailure(ErrorCodes.ProviderBadResponse);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderBadResponse, "The embedding response does not hold one vector per text.");
        }

        return embeddings.Select(e => e.Vector.ToArray()).ToArray();
    }
}
