using VoiceMemory.Safety;

namespace VoiceMemory.Turns;

/// <summary>Input of the <c>respond</c> step: recall, reply chain, reply screening. <see cref="InputVerdict"/> is the screen of the user's words.</summary>
public sealed record RespondInput(TurnRequest Request, Transcript Transcript, SafetyVerdict InputVerdict);
