using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness.Audio;

/// <summary>Speech made at run time with the real engines: flite (voice slt) writes WAV, lame encodes it to MP3.</summary>
internal static class SpeechSamples
{
    /// <summary>Ordinary things a user tells a companion; spoken turns in every scenario use these.</summary>
    public static IReadOnlyList<string> Sentences { get; } =
    [
        "Hello, my name is Alice and I live in Paris.",
        "I am allergic to peanuts.",
        "My daughter Emma lives in Boston.",
        "I like to walk my dog in the morning.",
        "What am I allergic to?",
        "I have a doctor appointment on Friday.",
    ];

    public static async Task<IReadOnlyList<SpokenClip>> CreateAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var clips = new List<SpokenClip>();
        for (var i = 0; i < Sentences.Count; i++)
        {
            var wav = Path.Combine(folder, $"spoken-{i}.wav");
            var mp3 = Path.Combine(folder, $"spoken-{i}.mp3");
            await ProcessOutput.CheckedAsync("flite", "-voice", "slt", "-t", Sentences[i], "-o", wav);
            await ProcessOutput.CheckedAsync("lame", "--quiet", wav, mp3);
            clips.Add(new SpokenClip(Sentences[i], await File.ReadAllBytesAsync(wav), await File.ReadAllBytesAsync(mp3)));
        }

        return clips;
    }
}
