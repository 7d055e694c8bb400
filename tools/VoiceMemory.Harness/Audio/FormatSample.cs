namespace VoiceMemory.Harness.Audio;

/// <summary>A real recording in one supported container, and a real one that is longer than the 300 s limit.</summary>
internal sealed record FormatSample(string Name, string ContentType, byte[] Bytes, byte[] Overlong);
