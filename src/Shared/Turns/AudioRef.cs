namespace VoiceMemory.Turns;

/// <summary>A reference to audio held by the <c>IAudioStore</c>: a deterministic key, its media type and size.</summary>
public sealed record AudioRef(string Key, string ContentType, long Bytes);
