namespace VoiceMemory.Turns;

/// <summary>Input of the <c>speak</c> step.</summary>
public sealed record SpeakInput(TurnRequest Request, Reply Reply);
