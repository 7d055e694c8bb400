namespace VoiceMemory.SelfHost.Speech;

/// <summary>What an <see cref="OfflineEngineCheck"/> looks at.</summary>
public enum OfflineEngineCheckKind
{
    /// <summary>"speech-to-text": pocketsphinx, its model, and a decoder (sox, else ffmpeg).</summary>
    SpeechToText,
    /// <summary>"text-to-speech": flite and/or espeak-ng.</summary>
    TextToSpeech,
    /// <summary>"mp3-encoder": lame; without it replies are WAV.</summary>
    Mp3Encoder,
    /// <summary>"ffmpeg": needed for WebM, MP4 and Ogg Opus recordings.</summary>
    Ffmpeg,
}
