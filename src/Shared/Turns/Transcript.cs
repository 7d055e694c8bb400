namespace VoiceMemory.Turns;

/// <summary>What the user said (or typed). <see cref="Confidence"/> is 0..1; typed turns have 1.</summary>
public sealed record Transcript(string Text, string Language, double Confidence)
{
    /// <summary>True when no words were recognised.</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);
}
