using VoiceMemory.Turns;

namespace VoiceMemory.Storage;

/// <summary>A page of turns, newest first; <see cref="Next"/> is an opaque cursor for the next page, or null.</summary>
public sealed record TurnPage(IReadOnlyList<TurnRecord> Items, string? Next);
