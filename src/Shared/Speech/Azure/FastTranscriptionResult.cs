namespace VoiceMemory.Speech.Azure;

/// <summary>What Azure fast transcription returned: display text, detected locale, mean confidence (0..1) and the audio's duration.</summary>
public sealed record FastTranscriptionResult(string Text, string Locale, double Confidence, TimeSpan Duration, int PhraseCount);
