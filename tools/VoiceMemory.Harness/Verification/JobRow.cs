namespace VoiceMemory.Harness.Verification;

/// <summary>A runner job as stored: its state and how many times it was claimed.</summary>
internal sealed record JobRow(string TurnId, string State, long Attempts);
