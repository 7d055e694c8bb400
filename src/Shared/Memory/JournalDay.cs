namespace VoiceMemory.Memory;

/// <summary>One user's journal for one day, as Markdown.</summary>
public sealed record JournalDay(string UserId, DateOnly Day, string Markdown);
