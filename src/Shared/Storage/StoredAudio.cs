namespace VoiceMemory.Storage;

/// <summary>An item in the audio store.</summary>
public sealed record StoredAudio(string Key, long Bytes, DateTimeOffset LastModified);
