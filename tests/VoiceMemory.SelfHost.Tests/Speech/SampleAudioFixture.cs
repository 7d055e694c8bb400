using VoiceMemory.Audio;

namespace VoiceMemory.SelfHost.Tests.Speech;

/// <summary>
/// One spoken sentence (flite, slt voice) in every container the service accepts, made once per test class with
/// sox, lame and ffmpeg, plus two seconds of silence.
/// </summary>
public sealed class SampleAudioFixture : IAsyncLifetime
{
    public const string Sentence = "My name is Alice and I am allergic to peanuts";

    /// <summary>Length of <see cref="Sentence"/> as flite speaks it, measured by soxi.</summary>
    public static readonly TimeSpan SentenceDuration = TimeSpan.FromSeconds(2.75);

    private readonly SpeechTestHost host = new();
    private readonly Dictionary<string, (string Path, AudioFormat Format)> samples = new(StringComparer.Ordinal);

    /// <summary>The names of <see cref="Sample"/>s of the sentence.</summary>
    public static TheoryData<string> SentenceSamples =>
        ["wav-16k-mono", "wav-44k-stereo", "mp3", "ogg-vorbis", "ogg-opus", "flac", "webm-opus", "m4a-aac"];

    public (string Path, AudioFormat Format) Sample(string name) => samples[name];

    public FileStream Open(string name) => File.OpenRead(samples[name].Path);

    public async Task InitializeAsync()
    {
        var mono = await host.SpeakAsync(Sentence, "sentence.wav");
        Add("wav-16k-mono", mono, AudioFormat.Wav);
        var stereo = await Make("wav-44k-stereo", "stereo.wav", AudioFormat.Wav, "sox", mono, "-r", "44100", "-c", "2", "stereo.wav");
        await Make("mp3", "sentence.mp3", AudioFormat.Mp3, "lame", "--quiet", stereo, "sentence.mp3");
        await Make("ogg-vorbis", "vorbis.ogg", AudioFormat.Ogg, "sox", stereo, "vorbis.ogg");
        await Make("ogg-opus", "opus.ogg", AudioFormat.Ogg, "ffmpeg", "-nostdin", "-loglevel", "error", "-i", stereo, "-c:a", "libopus", "opus.ogg");
        await Make("flac", "sentence.flac", AudioFormat.Flac, "sox", stereo, "sentence.flac");
        await Make("webm-opus", "sentence.webm", AudioFormat.WebM, "ffmpeg", "-nostdin", "-loglevel", "error", "-i", stereo, "-c:a", "libopus", "sentence.webm");
        await Make("m4a-aac", "sentence.m4a", AudioFormat.Mp4, "ffmpeg", "-nostdin", "-loglevel", "error", "-i", stereo, "-c:a", "aac", "sentence.m4a");
        await Make("silence", "silence.wav", AudioFormat.Wav, "sox", "-n", "-r", "16000", "-c", "1", "-b", "16", "silence.wav", "trim", "0", "2");
    }

    public Task DisposeAsync()
    {
        host.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> Make(string name, string fileName, AudioFormat format, string tool, params string[] arguments)
    {
        await host.RunToolAsync(tool, arguments);
        var path = host.ScratchPath(fileName);
        Add(name, path, format);
        return path;
    }

    private void Add(string name, string path, AudioFormat format)
    {
        Assert.True(new FileInfo(path).Length > 0, $"{name} was not generated");
        samples[name] = (path, format);
    }
}
