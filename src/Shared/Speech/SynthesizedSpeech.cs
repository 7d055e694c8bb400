namespace VoiceMemory.Speech;

/// <summary>Spoken audio: the bytes, their media type (audio/mpeg or audio/wav) and file extension (".mp3", ".wav").</summary>
public sealed record SynthesizedSpeech(byte[] Audio, string ContentType, string FileExtension);
