namespace VoiceMemory.Configuration;

/// <summary>Which speech engines run.</summary>
public enum SpeechProvider
{
    /// <summary>pocketsphinx and flite / espeak-ng on this machine.</summary>
    Offline,
    /// <summary>Azure AI Speech (REST).</summary>
    Azure,
}
