namespace VoiceMemory.Storage;

/// <summary>A self-host user: an id, a display name and the SHA-256 hash of the API key (the key itself is never stored).</summary>
public sealed record UserAccount(string UserId, string Name, string KeyHash, DateTimeOffset CreatedAt);
