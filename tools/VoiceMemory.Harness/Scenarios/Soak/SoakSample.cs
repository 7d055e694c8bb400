namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>One request of the soak: what it was, how it was answered, how long it took.</summary>
internal sealed record SoakSample(string Kind, int Status, double Milliseconds);
