namespace VoiceMemory.Audio;

/// <summary>
/// The facts of a RIFF/WAVE file: its channel count, sample rate, bits per sample, format tag
/// (1 = PCM, 3 = IEEE float, 6 = A-law, 7 = µ-law; the sub-format for WAVE_FORMAT_EXTENSIBLE),
/// the size of its sample data and the duration that data lasts.
/// </summary>
public sealed record WavInfo(int Channels, int SampleRate, int BitsPerSample, int AudioFormatTag, long DataBytes, TimeSpan Duration);
