using VoiceMemory.Memory;

namespace VoiceMemory.Tests.Providers;

/// <summary>Stands in for the heuristic extractor: answers fixed facts and counts calls.</summary>
internal sealed class StubExtractor(IReadOnlyList<ExtractedFact> facts) : IFactExtractor
{
    public int Calls { get; private set; }

    public Task<IReadOnlyList<ExtractedFact>> ExtractAsync(string text, string locale, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(facts);
    }
}
