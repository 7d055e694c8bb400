namespace VoiceMemory.Benchmarks.Audio;

/// <summary>A recorded sentence: what was said, the WAV bytes and how long it lasts.</summary>
public sealed record SpokenTurn(string Sentence, byte[] Wav, TimeSpan Duration);
