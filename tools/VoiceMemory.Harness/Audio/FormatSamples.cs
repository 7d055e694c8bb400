using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness.Audio;

/// <summary>
/// One real file of every supported format, made at run time: flite speaks a sentence to WAV; lame makes VBR MP3; sox
/// makes FLAC; ffmpeg makes Ogg Vorbis, Ogg Opus, WebM (Opus) and M4A (AAC). The overlong versions are 305 s of a
/// sox sine tone encoded the same way.
/// </summary>
internal static class FormatSamples
{
    private const string Sentence = "Hello, my name is Alice and I live in Paris.";

    public static async Task<IReadOnlyList<FormatSample>> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var speech = Path.Combine(folder, "speech.wav");
        var tone = Path.Combine(folder, "tone-305s.wav");
        await ProcessOutput.CheckedAsync("flite", "-voice", "slt", "-t", Sentence, "-o", speech);
        await ProcessOutput.CheckedAsync("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", tone, "synth", "305", "sine", "300");

        var samples = new List<FormatSample>
        {
            new("wav", "audio/wav", await File.ReadAllBytesAsync(speech), await File.ReadAllBytesAsync(tone)),
        };
        foreach (var (name, contentType, extension) in Formats)
        {
            samples.Add(new FormatSample(
                name,
                contentType,
                await EncodeAsync(name, speech, Path.Combine(folder, $"speech-{name}{extension}")),
                await EncodeAsync(name, tone, Path.Combine(folder, $"tone-{name}{extension}"))));
        }

        return samples;
    }

    private static readonly (string Name, string ContentType, string Extension)[] Formats =
    [
        ("mp3", "audio/mpeg", ".mp3"),
        ("flac", "audio/flac", ".flac"),
        ("ogg-vorbis", "audio/ogg", ".ogg"),
        ("ogg-opus", "audio/ogg", ".opus"),
        ("webm", "audio/webm", ".webm"),
        ("m4a", "audio/mp4", ".m4a"),
    ];

    private static async Task<byte[]> EncodeAsync(string name, string wav, string output)
    {
        switch (name)
        {
            case "mp3":
                // VBR, as phones record: the file starts with a Xing header that declares its frame count.
                await ProcessOutput.CheckedAsync("lame", "--quiet", "-V", "5", wav, output);
                break;
            case "flac":
                await ProcessOutput.CheckedAsync("sox", wav, output);
                break;
            default:
                var codec = name switch
                {
                    "ogg-vorbis" => "libvorbis",
                    "ogg-opus" or "webm" => "libopus",
                    _ => "aac",
                };
                await ProcessOutput.CheckedAsync("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", wav, "-c:a", codec, output);
                break;
        }

        return await File.ReadAllBytesAsync(output);
    }
}
