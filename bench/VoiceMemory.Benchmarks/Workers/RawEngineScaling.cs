using System.Diagnostics;
using VoiceMemory.Benchmarks.Audio;
using VoiceMemory.SelfHost.Speech;

namespace VoiceMemory.Benchmarks.Workers;

/// <summary>
/// How well the machine itself runs two recognisers at once: the batch's recordings (normalised once, as the server
/// does, to 16 kHz mono) through <c>pocketsphinx_continuous</c> with the server's arguments, one process at a time and
/// then two side by side. The ratio of the two throughputs is the best any 2-worker server could scale on this machine
/// (two cores do not give 2× when they share caches, memory bandwidth and other tenants), so the server's own scaling
/// is reported as a share of it.
/// </summary>
public sealed class RawEngineScaling : IDisposable
{
    private readonly DirectoryInfo folder;
    private readonly List<string> files = [];
    private readonly OfflineSpeechOptions engine = new();

    private RawEngineScaling(DirectoryInfo folder) => this.folder = folder;

    /// <summary>Writes <paramref name="count"/> normalised recordings (cycling through <paramref name="speech"/>).</summary>
    public static async Task<RawEngineScaling> PrepareAsync(IReadOnlyList<SpokenTurn> speech, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(speech);
        var scaling = new RawEngineScaling(Directory.CreateTempSubdirectory("vm-bench-raw-"));
        for (var i = 0; i < speech.Count; i++)
        {
            var source = Path.Combine(scaling.folder.FullName, $"in-{i}.wav");
            var normalised = Path.Combine(scaling.folder.FullName, $"turn-{i}.wav");
            await File.WriteAllBytesAsync(source, speech[i].Wav, cancellationToken);
            await RunAsync("sox", [source, "-r", "16000", "-c", "1", "-b", "16", normalised], cancellationToken);
        }

        for (var i = 0; i < count; i++)
        {
            scaling.files.Add(Path.Combine(scaling.folder.FullName, $"turn-{i % speech.Count}.wav"));
        }

        return scaling;
    }

    /// <summary>Wall time to recognise every file with <paramref name="processes"/> recognisers running at once.</summary>
    public async Task<TimeSpan> RunAsync(int processes, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var lanes = Enumerable.Range(0, processes).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < files.Count)
            {
                await RunAsync(engine.PocketSphinx, Arguments(files[index]), cancellationToken);
            }
        });
        await Task.WhenAll(lanes);
        return clock.Elapsed;
    }

    public int Count => files.Count;

    public void Dispose() => folder.Delete(recursive: true);

    private string[] Arguments(string wav) =>
    [
        "-infile", wav,
        "-hmm", engine.AcousticModelPath,
        "-lm", engine.LanguageModelPath,
        "-dict", engine.DictionaryPath,
        "-samprate", "16000",
        "-time", "yes",
        "-logfn", "/dev/null",
    ];

    private static async Task RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} exited {process.ExitCode}: {await error}");
        }
    }
}
