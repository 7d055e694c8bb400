namespace VoiceMemory.Turns;

/// <summary>Input of the <c>respond</c> step: recall, reply chain, reply screening.</summary>
public sealed record RespondInput(TurnRequest Request, Transcript Transcript);
