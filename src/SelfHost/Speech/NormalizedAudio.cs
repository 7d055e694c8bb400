namespace VoiceMemory.SelfHost.Speech;

/// <summary>A recording decoded to 16 kHz mono 16-bit PCM WAV at <see cref="WavPath"/>, and its length.</summary>
public sealed record NormalizedAudio(string WavPath, TimeSpan Duration);
