namespace VoiceMemory.Memory;

/// <summary>
/// A fact found in what the user said. <see cref="Key"/> (e.g. <c>profile.name</c>) makes a fact replace an older
/// one with the same key; without a key, facts with the same normalised text are one fact.
/// </summary>
public sealed record ExtractedFact(string Text, FactKind Kind, string? Key);
