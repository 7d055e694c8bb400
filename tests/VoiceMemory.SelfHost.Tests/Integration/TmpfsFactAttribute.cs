using System.Diagnostics;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// A fact that needs a small tmpfs as its data root (to fill it, or make it read-only). It runs only where this
/// process may mount one (Linux, root with CAP_SYS_ADMIN); elsewhere it is skipped with the reason shown.
/// </summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    private static readonly string? Refusal = Probe();

    public TmpfsFactAttribute()
    {
        if (Refusal is not null)
        {
            Skip = Refusal;
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs needs Linux.";
        }

        if (!Environment.IsPrivilegedProcess)
        {
            return "Mounting a tmpfs needs root.";
        }

        var folder = Directory.CreateTempSubdirectory("vm-tmpfs-probe-").FullName;
        try
        {
            return Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", folder) is { } refused
                ? $"This process may not mount a tmpfs: {refused}"
                : Run("umount", folder);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    private static string? Run(string executable, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : error.Trim();
    }
}
