namespace VoiceMemory.SelfHost.Speech;

/// <summary>The external programs the offline speech path runs.</summary>
public enum OfflineEngine
{
    PocketSphinx,
    Sox,
    Ffmpeg,
    Flite,
    EspeakNg,
    Lame,
}
