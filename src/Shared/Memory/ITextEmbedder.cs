namespace VoiceMemory.Memory;

/// <summary>Optional: turns texts into vectors so recall can rank facts by meaning. Recall works without it.</summary>
public interface ITextEmbedder
{
    Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
