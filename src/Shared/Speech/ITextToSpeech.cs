namespace VoiceMemory.Speech;

/// <summary>Speaks a reply.</summary>
public interface ITextToSpeech
{
    Task<SynthesizedSpeech> SynthesizeAsync(string text, string locale, CancellationToken cancellationToken);
}
