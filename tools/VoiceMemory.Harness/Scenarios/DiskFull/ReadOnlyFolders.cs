using VoiceMemory.Harness.Hosting;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// Makes the data root's file folders (audio, journal, tmp) read-only under a running server: each is bind-mounted on
/// itself and the bind remounted <c>ro</c>. The kernel refuses <c>remount,ro</c> of a volume while a process holds a
/// file open for writing (the server's database), but a fresh bind mount has no writers, so its folder can go
/// read-only at any moment, as a failing disk's would; writes there get EROFS. The database stays writable.
/// </summary>
internal sealed class ReadOnlyFolders : IAsyncDisposable
{
    public static readonly string[] Names = ["audio", "journal", "tmp"];

    private readonly List<string> mounted = [];

    private ReadOnlyFolders()
    {
    }

    /// <summary>Binds and remounts every folder read-only, or undoes what it did and returns the refusal.</summary>
    public static async Task<(ReadOnlyFolders? Folders, string? Refusal)> TryMakeAsync(string dataRoot)
    {
        var folders = new ReadOnlyFolders();
        foreach (var name in Names)
        {
            var path = Path.Combine(dataRoot, name);
            Directory.CreateDirectory(path);
            var (bindExit, _, bindError) = await ProcessOutput.RunAsync("mount", ["--bind", path, path]);
            if (bindExit != 0)
            {
                await folders.DisposeAsync();
                return (null, $"mount --bind {name} exited {bindExit}: {FirstLine(bindError)}");
            }

            folders.mounted.Add(path);
            var (roExit, _, roError) = await ProcessOutput.RunAsync("mount", ["-o", "remount,bind,ro", path]);
            if (roExit != 0)
            {
                await folders.DisposeAsync();
                return (null, $"mount -o remount,bind,ro {name} exited {roExit}: {FirstLine(roError)}");
            }
        }

        return (folders, null);
    }

    /// <summary>Unmounts the binds: the folders are writable again, with everything written before still there.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var path in Enumerable.Reverse(mounted))
        {
            await ProcessOutput.RunAsync("umount", [path]);
        }

        mounted.Clear();
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0];
}
