using System.ComponentModel;
using System.Diagnostics;

namespace VoiceMemory.Tests.Audio;

/// <summary>Runs the command-line audio tools the samples are made with: argument lists, never a shell string.</summary>
internal static class ToolRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Runs <paramref name="tool"/> and returns its standard output (or writes it to <paramref name="stdoutFile"/>).</summary>
    public static string Run(string tool, string workingDirectory, IEnumerable<string> arguments, string? stdoutFile = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"'{tool}' could not be started.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"The audio tests need '{tool}' on PATH (Debian/Ubuntu: apt-get install flite sox libsox-fmt-mp3 lame ffmpeg). {e.Message}", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout;
            if (stdoutFile is null)
            {
                stdout = process.StandardOutput.ReadToEnd();
            }
            else
            {
                using var file = File.Create(Path.Combine(workingDirectory, stdoutFile));
                process.StandardOutput.BaseStream.CopyTo(file);
                stdout = string.Empty;
            }

            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"'{tool}' did not finish within {Timeout.TotalSeconds} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{tool} {string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode}: {stderr.Result}");
            }

            return stdout;
        }
    }
}
