namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>Fills a volume with one file until the file system says ENOSPC; deleting the file gives the space back.</summary>
internal sealed class DiskFiller(string path)
{
    public long Written { get; private set; }

    public void Fill()
    {
        var chunk = new byte[1024 * 1024];
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        while (true)
        {
            try
            {
                file.Write(chunk);
                Written += chunk.Length;
            }
            catch (IOException)
            {
                // ENOSPC: full. Write what still fits in smaller pieces, so not even a page is left.
                if (chunk.Length == 4096)
                {
                    return;
                }

                chunk = new byte[Math.Max(4096, chunk.Length / 4)];
            }
        }
    }

    public void Free() => File.Delete(path);
}
