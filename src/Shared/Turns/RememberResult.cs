namespace VoiceMemory.Turns;

/// <summary>Output of the <c>remember</c> step.</summary>
public sealed record RememberResult(int FactsStored, long RememberMs);
