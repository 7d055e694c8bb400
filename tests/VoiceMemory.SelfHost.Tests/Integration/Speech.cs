using System.Diagnostics;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>Speech for tests, synthesised with the real flite (as a user's phone would record it: a WAV file).</summary>
public static class Speech
{
    private static readonly string Folder = Directory.CreateTempSubdirectory("vm-speech-").FullName;

    public static async Task<byte[]> SynthesizeWavAsync(string sentence)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".wav");
        await RunAsync("flite", ["-voice", "slt", "-t", sentence, "-o", path]);
        return await File.ReadAllBytesAsync(path);
    }

    public static async Task RunAsync(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} exited {process.ExitCode}: {await stderr}");
        }
    }

    /// <summary>Word-level edit distance between two transcripts (case and punctuation ignored).</summary>
    public static int WordErrors(string expected, string actual)
    {
        static string[] Words(string text) => new string(text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c == ' ' || c == '\'').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var a = Words(expected);
        var b = Words(actual);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}
