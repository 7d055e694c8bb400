namespace VoiceMemory.Turns;

/// <summary>Why a turn failed: a stable code and a message safe to show (no user content).</summary>
public sealed record TurnError(string Code, string Message);
