namespace VoiceMemory.Memory;

/// <summary>A stored fact about one user.</summary>
public sealed record MemoryFact(
    string Id,
    string UserId,
    string Text,
    FactKind Kind,
    string? Key,
    string SourceTurnId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
