using System.Diagnostics;
using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.Benchmarks.Audio;

/// <summary>
/// Spoken turns of 3–5 s, as a phone would send them: WAV files spoken by the real flite (voice slt), about the
/// things a companion hears (family, health, likes, plans), so the later turns also recall what the earlier ones taught.
/// </summary>
public static class SpokenTurns
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    private static readonly string[] Sentences =
    [
        "My sister Emma lives in Boston and she works as a nurse.",
        "I am allergic to peanuts and I do not like spicy food at all.",
        "My favorite color is blue and I love walking my dog in the park.",
        "Yesterday I went to the doctor because my back was hurting again.",
        "My grandson Leo is coming to visit me next Sunday afternoon.",
        "What did I tell you about my sister and her new job?",
        "I have lived in this house for thirty years with my husband.",
        "Please remind me that my daughter's birthday is on the tenth of May.",
    ];

    /// <summary>One recording per sentence, each checked to last 3–5 s.</summary>
    public static async Task<IReadOnlyList<SpokenTurn>> SynthesizeAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vm-bench-speech-");
        try
        {
            var turns = new List<SpokenTurn>(Sentences.Length);
            for (var i = 0; i < Sentences.Length; i++)
            {
                var path = Path.Combine(folder.FullName, $"turn-{i}.wav");
                await RunFliteAsync(Sentences[i], path, cancellationToken);
                var duration = WaveInfo.TryRead(path)?.Duration ?? TimeSpan.Zero;
                if (duration < Shortest || duration > Longest)
                {
                    throw new InvalidOperationException($"\"{Sentences[i]}\" lasts {duration.TotalSeconds:0.00} s, outside 3–5 s");
                }

                turns.Add(new SpokenTurn(Sentences[i], await File.ReadAllBytesAsync(path, cancellationToken), duration));
            }

            return turns;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RunFliteAsync(string sentence, string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("flite") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-voice", "slt", "-t", sentence, "-o", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start flite");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"flite exited {process.ExitCode}: {await error}");
        }
    }
}
