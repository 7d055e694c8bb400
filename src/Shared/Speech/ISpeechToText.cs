using VoiceMemory.Audio;
using VoiceMemory.Turns;

namespace VoiceMemory.Speech;

/// <summary>Turns recorded speech into text.</summary>
public interface ISpeechToText
{
    /// <summary>Transcribes <paramref name="audio"/> (of the given container format). No speech → an empty transcript, not an error.</summary>
    Task<Transcript> TranscribeAsync(Stream audio, AudioFormat format, string locale, CancellationToken cancellationToken);
}
