using System.Text;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Testing.Contracts;

/// <summary>What every <see cref="IBackupStorage"/> adapter must do (a folder in the self-host, a blob container in Azure). A concrete class supplies a fresh, empty storage.</summary>
public abstract class BackupStorageContract
{
    private const string Id = "20261122T031500Z";

    /// <summary>A new, empty backup storage.</summary>
    protected abstract Task<IBackupStorage> CreateStorageAsync();

    [Fact]
    public async Task WriteThenCommit_ListedWithItsFilesAndReadable()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Id, "manifest.json", "{}");
        await WriteAsync(storage, Id, "audio/input/u1/t1.wav", "RIFF");

        await storage.CommitAsync(Id, CancellationToken.None);

        Assert.Equal([Id], await ToListAsync(storage.ListBackupsAsync(CancellationToken.None)));
        Assert.Empty(await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
        Assert.Equal(["audio/input/u1/t1.wav", "manifest.json"], await ToListAsync(storage.ListFilesAsync(Id, CancellationToken.None)));
        Assert.Equal("RIFF", await ReadAsync(storage, Id, "audio/input/u1/t1.wav"));
        Assert.Null(await storage.OpenFileAsync(Id, "missing.bin", CancellationToken.None));
    }

    [Fact]
    public async Task WrittenButNotCommitted_NotListedNorReadableButPending()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Id, "manifest.json", "{}");

        Assert.Empty(await ToListAsync(storage.ListBackupsAsync(CancellationToken.None)));
        Assert.Equal([Id], await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
        Assert.Null(await storage.OpenFileAsync(Id, "manifest.json", CancellationToken.None));
        Assert.Empty(await ToListAsync(storage.ListFilesAsync(Id, CancellationToken.None)));
    }

    [Fact]
    public async Task Commit_WithNothingPending_Throws()
    {
        var storage = await CreateStorageAsync();

        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => storage.CommitAsync(Id, CancellationToken.None));
    }

    [Fact]
    public async Task WriteOrCommit_ACompleteBackup_Throws()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Id, "manifest.json", "{}");
        await storage.CommitAsync(Id, CancellationToken.None);

        await Assert.ThrowsAnyAsync<IOException>(() => WriteAsync(storage, Id, "extra.bin", "x"));
        Assert.Empty(await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
        Assert.Equal(["manifest.json"], await ToListAsync(storage.ListFilesAsync(Id, CancellationToken.None)));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("/etc")]
    [InlineData("")]
    [InlineData(".hidden")]
    public async Task AnyCall_WithUnsafeId_Rejected(string id)
    {
        var storage = await CreateStorageAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(storage, id, "manifest.json", "{}"));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenFileAsync(id, "manifest.json", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteBackupAsync(id, CancellationToken.None));
        Assert.Empty(await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
    }

    [Theory]
    [InlineData("../../outside.txt")]
    [InlineData("audio/../../outside.txt")]
    [InlineData("/tmp/outside.txt")]
    [InlineData("a\\..\\..\\outside.txt")]
    [InlineData("a//b")]
    [InlineData("./a")]
    public async Task Write_WithUnsafeName_RejectedAndNothingWritten(string name)
    {
        var storage = await CreateStorageAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(storage, Id, name, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenFileAsync(Id, name, CancellationToken.None));
        Assert.Empty(await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task Delete_RemovesCompleteAndPendingAndIgnoresUnknown()
    {
        var storage = await CreateStorageAsync();
        await WriteAsync(storage, Id, "manifest.json", "{}");
        await storage.CommitAsync(Id, CancellationToken.None);
        await WriteAsync(storage, "20261123T031500Z", "manifest.json", "{}");

        await storage.DeleteBackupAsync(Id, CancellationToken.None);
        await storage.DeleteBackupAsync("20261123T031500Z", CancellationToken.None);
        await storage.DeleteBackupAsync("20201123T031500Z", CancellationToken.None);

        Assert.Empty(await ToListAsync(storage.ListBackupsAsync(CancellationToken.None)));
        Assert.Empty(await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
        Assert.Null(await storage.OpenFileAsync(Id, "manifest.json", CancellationToken.None));
    }

    [Fact]
    public async Task ListBackupsAsync_SeveralBackups_SortedById()
    {
        var storage = await CreateStorageAsync();
        foreach (var id in new[] { "20261124T000000Z", "20261122T000000Z", "20261123T000000Z" })
        {
            await WriteAsync(storage, id, "manifest.json", "{}");
            if (id != "20261123T000000Z")
            {
                await storage.CommitAsync(id, CancellationToken.None);
            }
        }

        Assert.Equal(["20261122T000000Z", "20261124T000000Z"], await ToListAsync(storage.ListBackupsAsync(CancellationToken.None)));
        Assert.Equal(["20261123T000000Z"], await ToListAsync(storage.ListPendingBackupsAsync(CancellationToken.None)));
    }

    protected static Task WriteAsync(IBackupStorage storage, string id, string name, string text) =>
        storage.WriteFileAsync(id, name, new MemoryStream(Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    protected static async Task<string> ReadAsync(IBackupStorage storage, string id, string name)
    {
        await using var stream = await storage.OpenFileAsync(id, name, CancellationToken.None) ?? throw new InvalidOperationException($"{name} is missing");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
