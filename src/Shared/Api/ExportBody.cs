namespace VoiceMemory.Api;

/// <summary>Everything held about the caller: turns, facts and the journal as Markdown.</summary>
public sealed record ExportBody(
    string UserId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<TurnStatusBody> Turns,
    IReadOnlyList<MemoryItemBody> Facts,
    IReadOnlyList<JournalDayBody> Journal);

/// <summary>One day of the journal.</summary>
public sealed record JournalDayBody(DateOnly Day, string Markdown);
