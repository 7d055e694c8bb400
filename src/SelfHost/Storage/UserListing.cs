namespace VoiceMemory.SelfHost.Storage;

/// <summary>A user as <c>users list</c> shows it: never the key or its hash.</summary>
public sealed record UserListing(string UserId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
