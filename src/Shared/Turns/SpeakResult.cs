namespace VoiceMemory.Turns;

/// <summary>Output of the <c>speak</c> step: the stored reply audio.</summary>
public sealed record SpeakResult(AudioRef ReplyAudio, long SpeakMs);
