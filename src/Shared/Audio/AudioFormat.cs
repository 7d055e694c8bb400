namespace VoiceMemory.Audio;

/// <summary>A container format recognised from its bytes.</summary>
public enum AudioFormat
{
    Unknown,
    Wav,
    Mp3,
    Ogg,
    WebM,
    Mp4,
    Flac,
}
