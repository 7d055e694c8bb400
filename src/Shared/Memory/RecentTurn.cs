namespace VoiceMemory.Memory;

/// <summary>A previous exchange, for conversational context.</summary>
public sealed record RecentTurn(string TurnId, DateTimeOffset At, string UserText, string ReplyText);
