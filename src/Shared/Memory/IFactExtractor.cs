namespace VoiceMemory.Memory;

/// <summary>Finds facts worth remembering in what the user said.</summary>
public interface IFactExtractor
{
    Task<IReadOnlyList<ExtractedFact>> ExtractAsync(string text, string locale, CancellationToken cancellationToken);
}
