using System.Diagnostics;
using System.Text;

namespace VoiceMemory.Harness.Hosting;

/// <summary>Runs a short-lived process (the admin CLI, flite, lame, sox, ffmpeg, mount) to completion with a timeout.</summary>
internal static class ProcessOutput
{
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string executable,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish in time");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and throws with the tool's stderr when it fails.</summary>
    public static async Task CheckedAsync(string executable, params string[] arguments)
    {
        var (exit, _, stderr) = await RunAsync(executable, arguments);
        if (exit != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {exit}: {stderr.Trim()}");
        }
    }
}
