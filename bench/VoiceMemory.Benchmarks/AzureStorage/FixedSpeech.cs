using VoiceMemory.Audio;
using VoiceMemory.Speech;
using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.AzureStorage;

/// <summary>
/// Stand-ins for the speech engines in the request count: they make no storage requests, so a fixed transcript and a
/// small MP3 frame count exactly like pocketsphinx/flite or Azure AI Speech would, in a fraction of the time.
/// </summary>
public sealed class FixedSpeech(string transcript) : ISpeechToText, ITextToSpeech
{
    public Task<Transcript> TranscribeAsync(Stream audio, AudioFormat format, string locale, CancellationToken cancellationToken) =>
        Task.FromResult(new Transcript(transcript, locale, 0.9));

    public Task<SynthesizedSpeech> SynthesizeAsync(string text, string locale, CancellationToken cancellationToken) =>
        Task.FromResult(new SynthesizedSpeech([0xFF, 0xF3, 0x44, 0xC4, .. new byte[4_000]], "audio/mpeg", ".mp3"));
}
