using VoiceMemory.Safety;

namespace VoiceMemory.Tests.Providers;

/// <summary>Stands in for the lexicon screen: answers a fixed verdict and counts calls.</summary>
internal sealed class StubLexicon(SafetyVerdict verdict) : ISafetyScreen
{
    public int Calls { get; private set; }

    public Task<SafetyVerdict> ScreenAsync(string text, string locale, ScreenTarget target, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult(verdict);
    }
}
