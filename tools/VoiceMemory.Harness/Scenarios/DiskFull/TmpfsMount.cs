using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>A small tmpfs mounted on a folder (needs root and CAP_SYS_ADMIN), remounted read-only or read-write on demand, unmounted on dispose.</summary>
internal sealed class TmpfsMount : IAsyncDisposable
{
    private TmpfsMount(string path, int megabytes)
    {
        Path = path;
        Megabytes = megabytes;
    }

    public string Path { get; }

    public int Megabytes { get; }

    /// <summary>Mounts, or returns the reason it could not (not root, no permission, no tmpfs).</summary>
    public static async Task<(TmpfsMount? Mount, string? Refusal)> TryMountAsync(string path, int megabytes)
    {
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsLinux())
        {
            return (null, "not Linux: tmpfs is not available");
        }

        var (exit, _, stderr) = await ProcessOutput.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path]);
        return exit == 0 ? (new TmpfsMount(path, megabytes), null) : (null, $"mount -t tmpfs exited {exit}: {stderr.Trim()}");
    }

    /// <summary><c>mount -o remount,ro|rw</c>; returns null on success, else the refusal.</summary>
    public async Task<string?> RemountAsync(bool readOnly)
    {
        var (exit, _, stderr) = await ProcessOutput.RunAsync("mount", ["-o", readOnly ? "remount,ro" : "remount,rw", Path]);
        return exit == 0 ? null : $"exit {exit}: {stderr.Trim().Split('\n')[0]}";
    }

    public long FreeBytes() => new DriveInfo(Path).AvailableFreeSpace;

    public async ValueTask DisposeAsync()
    {
        await RemountAsync(readOnly: false);
        await ProcessOutput.RunAsync("umount", [Path]);
    }
}
