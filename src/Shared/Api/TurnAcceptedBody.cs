using VoiceMemory.Turns;

namespace VoiceMemory.Api;

/// <summary>The 202 body of <c>POST /api/v1/turns</c>.</summary>
public sealed record TurnAcceptedBody(string TurnId, TurnState Status, string StatusUrl);
