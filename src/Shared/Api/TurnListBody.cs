namespace VoiceMemory.Api;

/// <summary>A page of the caller's turns, newest first.</summary>
public sealed record TurnListBody(IReadOnlyList<TurnStatusBody> Items, string? Next);
