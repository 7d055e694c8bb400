namespace VoiceMemory.Turns;

/// <summary>Input of the failure path: the turn is marked failed with this code.</summary>
public sealed record TurnFailure(TurnRequest Request, string Code, string Message);
