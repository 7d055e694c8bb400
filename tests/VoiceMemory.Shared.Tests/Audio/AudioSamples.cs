using System.Globalization;

namespace VoiceMemory.Tests.Audio;

/// <summary>
/// Real recordings made at test time: a sentence spoken by flite, converted by sox, lame and ffmpeg into every
/// container the validator accepts, plus a recording longer than <see cref="ShortLimitSeconds"/>.
/// </summary>
public sealed class AudioSamples : IDisposable
{
    /// <summary>A MaxAudioSeconds that <see cref="LongSeconds"/> exceeds and <see cref="SpeechSeconds"/> does not.</summary>
    public const int ShortLimitSeconds = 8;

    private const string Sentence = "Hello, I am allergic to peanuts and my sister is called Maria.";
    private static readonly string[] FfmpegQuiet = ["-hide_banner", "-loglevel", "error", "-nostdin", "-y"];

    public AudioSamples()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("voicememory-audio-").FullName;
        try
        {
            CheckEncoders();
            Make();
            SpeechSeconds = Soxi("speech.wav");
            LongSeconds = Soxi("long.wav");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Directory { get; }

    /// <summary>The length of speech.wav (every other sample except the long ones derives from it), per <c>soxi -D</c>.</summary>
    public double SpeechSeconds { get; }

    /// <summary>The length of long.wav, per <c>soxi -D</c>.</summary>
    public double LongSeconds { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static void CheckEncoders()
    {
        var encoders = ToolRunner.Run("ffmpeg", Path.GetTempPath(), ["-hide_banner", "-encoders"]);
        foreach (var encoder in new[] { " libvorbis ", " libopus ", " aac " })
        {
            if (!encoders.Contains(encoder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The audio tests need ffmpeg's{encoder}encoder, which this ffmpeg lacks.");
            }
        }
    }

    private void Make()
    {
        Run("flite", "-voice", "slt", "-t", Sentence, "-o", "speech.wav");
        Run("sox", "speech.wav", "-c", "2", "-r", "44100", "stereo44k.wav");
        Run("sox", "speech.wav", "-b", "8", "pcm8.wav");
        Run("sox", "speech.wav", "-e", "floating-point", "-b", "32", "float.wav");
        Run("sox", "speech.wav", "speech.flac");
        Run("sox", "speech.wav", "long.wav", "repeat", "2");
        Run("sox", "speech.wav", "large.wav", "repeat", "39");

        Run("lame", "--quiet", "-b", "32", "speech.wav", "plain.mp3");
        Run("lame", "--quiet", "--tt", "Sample title", "speech.wav", "id3.mp3");
        Run("lame", "--quiet", "--tt", "Sample title", "--id3v2-only", "speech.wav", "id3v2only.mp3");
        Run("lame", "--quiet", "-V", "4", "stereo44k.wav", "vbr.mp3");
        Run("lame", "--quiet", "-b", "128", "stereo44k.wav", "cbr.mp3");
        Run("lame", "--quiet", "long.wav", "long.mp3");

        Ffmpeg("speech.wav", "vorbis.ogg", ["-c:a", "libvorbis"]);
        Ffmpeg("speech.wav", "opus.ogg", ["-c:a", "libopus"]);
        Ffmpeg("long.wav", "long.ogg", ["-c:a", "libopus"]);
        Ffmpeg("speech.wav", "opus.webm", ["-c:a", "libopus"]);
        Ffmpeg("speech.wav", "aac.m4a", ["-c:a", "aac"]);
        Ffmpeg("speech.wav", "faststart.m4a", ["-c:a", "aac", "-movflags", "+faststart"]);
        Ffmpeg("speech.wav", "fragmented.m4a", ["-c:a", "aac", "-movflags", "frag_keyframe+empty_moov+default_base_moof"]);
        Ffmpeg("large.wav", "large.ogg", ["-c:a", "libopus"]);
        Ffmpeg("large.wav", "large.m4a", ["-c:a", "aac"]);

        // Written to a pipe, these cannot be finished by seeking back: a WAV with 0xFFFFFFFF sizes and a WebM
        // with unknown sizes and no Duration, like a browser's MediaRecorder makes.
        Ffmpeg("speech.wav", "pipe:1", ["-f", "wav"], "streamed.wav");
        Ffmpeg("speech.wav", "pipe:1", ["-c:a", "libopus", "-f", "webm"], "live.webm");
    }

    private void Run(string tool, params string[] arguments) => ToolRunner.Run(tool, Directory, arguments);

    private void Ffmpeg(string input, string output, string[] options, string? stdoutFile = null) =>
        ToolRunner.Run("ffmpeg", Directory, [.. FfmpegQuiet, "-i", input, .. options, output], stdoutFile);

    private double Soxi(string name) =>
        double.Parse(ToolRunner.Run("soxi", Directory, ["-D", name]).Trim(), CultureInfo.InvariantCulture);
}
