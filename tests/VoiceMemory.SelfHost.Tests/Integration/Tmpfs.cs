namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>A small tmpfs for one test (see <see cref="TmpfsFactAttribute"/>): filled, freed, remounted read-only; unmounted on dispose.</summary>
public sealed class Tmpfs : IAsyncDisposable
{
    private int fillers;

    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> on <paramref name="at"/> (created), or on a new temp folder.</summary>
    public static async Task<Tmpfs> MountAsync(int megabytes, string? at = null)
    {
        var folder = at is null ? Directory.CreateTempSubdirectory("vm-tmpfs-").FullName : Directory.CreateDirectory(at).FullName;
        await Speech.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder]);
        return new Tmpfs(folder);
    }

    /// <summary>Writes a new filler file until the volume says ENOSPC.</summary>
    public void Fill()
    {
        var filler = System.IO.Path.Combine(Path, $"filler-{++fillers}.bin");
        using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        var chunk = new byte[64 * 1024];
        while (true)
        {
            try
            {
                file.Write(chunk);
            }
            catch (IOException) when (chunk.Length > 4096)
            {
                chunk = new byte[4096];
            }
            catch (IOException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes every filler file: the space is back.</summary>
    public void Free()
    {
        foreach (var filler in Directory.EnumerateFiles(Path, "filler-*.bin"))
        {
            File.Delete(filler);
        }
    }

    public Task RemountAsync(bool readOnly) => Speech.RunAsync("mount", ["-o", readOnly ? "remount,ro" : "remount,rw", Path]);

    public async ValueTask DisposeAsync()
    {
        await Speech.RunAsync("umount", [Path]);
        Directory.Delete(Path);
    }
}
