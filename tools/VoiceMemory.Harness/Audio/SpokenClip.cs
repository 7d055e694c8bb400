namespace VoiceMemory.Harness.Audio;

/// <summary>A sentence spoken by flite, as WAV and as MP3 (lame).</summary>
internal sealed record SpokenClip(string Sentence, byte[] Wav, byte[] Mp3);
