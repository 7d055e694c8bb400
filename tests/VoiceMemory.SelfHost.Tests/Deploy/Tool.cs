using System.Diagnostics;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>Runs an operator tool (promtool, systemd-analyze, nginx) to completion. A missing tool fails the test.</summary>
internal static class Tool
{
    /// <summary>The deploy/ folder copied beside the test assembly.</summary>
    public static string DeployFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "deploy", .. parts]);

    /// <summary>A tool by name, also from /usr/sbin (nginx), which a non-root PATH often lacks.</summary>
    public static string Executable(string name) =>
        new[] { "/usr/bin", "/usr/sbin", "/bin", "/sbin" }.Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists) ?? name;

    public static async Task<(int ExitCode, string Output)> RunAsync(string executable, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Executable(executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, (await stdout) + (await stderr));
    }
}
