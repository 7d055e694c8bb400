using System.Text;
using VoiceMemory.SelfHost.Maintenance;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

public sealed class FolderBackupStorageTests : IDisposable
{
    private const string Id = "20261122T031500Z";
    private readonly TempFolder temp = new();
    private readonly FolderBackupStorage storage;

    public FolderBackupStorageTests() => storage = new FolderBackupStorage(temp.Combine("backups"));

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task WriteThenCommit_ListedWithItsFilesAndReadable()
    {
        await WriteAsync(Id, "manifest.json", "{}");
        await WriteAsync(Id, "audio/input/u1/t1.wav", "RIFF");

        await storage.CommitAsync(Id, CancellationToken.None);

        Assert.Equal([Id], await storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["audio/input/u1/t1.wav", "manifest.json"], await storage.ListFilesAsync(Id, CancellationToken.None).ToListAsync());
        Assert.Equal("RIFF", await ReadAsync(Id, "audio/input/u1/t1.wav"));
        Assert.True(File.Exists(temp.Combine("backups", Id, "audio", "input", "u1", "t1.wav")));
    }

    [Fact]
    public async Task WrittenButNotCommitted_NotListedNorReadableButPending()
    {
        await WriteAsync(Id, "manifest.json", "{}");

        Assert.Empty(await storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal([Id], await storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Null(await storage.OpenFileAsync(Id, "manifest.json", CancellationToken.None));
        Assert.Empty(await storage.ListFilesAsync(Id, CancellationToken.None).ToListAsync());
        Assert.True(Directory.Exists(temp.Combine("backups", Id + ".partial")));
    }

    [Fact]
    public async Task Commit_WithNothingPending_Throws() =>
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => storage.CommitAsync(Id, CancellationToken.None));

    [Fact]
    public async Task Write_IntoACompleteBackup_Throws()
    {
        await WriteAsync(Id, "manifest.json", "{}");
        await storage.CommitAsync(Id, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => WriteAsync(Id, "extra.bin", "x"));
        Assert.Empty(await storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("/etc")]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("20261122T031500Z.partial")]
    [InlineData("20261122T031500Z.deleting")]
    public async Task AnyCall_WithUnsafeId_Rejected(string id)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(id, "manifest.json", "{}"));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenFileAsync(id, "manifest.json", CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.DeleteBackupAsync(id, CancellationToken.None));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories), p => !p.EndsWith("backups", StringComparison.Ordinal));
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
        await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(Id, name, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => storage.OpenFileAsync(Id, name, CancellationToken.None));

        Assert.False(File.Exists(temp.Combine("outside.txt")));
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Delete_RemovesCompleteAndPendingAndIgnoresUnknown()
    {
        await WriteAsync(Id, "manifest.json", "{}");
        await storage.CommitAsync(Id, CancellationToken.None);
        await WriteAsync("20261123T031500Z", "manifest.json", "{}");

        await storage.DeleteBackupAsync(Id, CancellationToken.None);
        await storage.DeleteBackupAsync("20261123T031500Z", CancellationToken.None);
        await storage.DeleteBackupAsync("20201123T031500Z", CancellationToken.None);

        Assert.Empty(await storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(storage.Root));
    }

    [Fact]
    public async Task Lists_IgnoreFoldersThatAreNotBackupsAndSortById()
    {
        Directory.CreateDirectory(temp.Combine("backups", "not-a-backup"));
        Directory.CreateDirectory(temp.Combine("backups", "20261121T000000Z.deleting"));
        File.WriteAllText(temp.Combine("backups", "20261120T000000Z"), "a file, not a folder");
        foreach (var id in new[] { "20261124T000000Z", "20261122T000000Z" })
        {
            await WriteAsync(id, "manifest.json", "{}");
            await storage.CommitAsync(id, CancellationToken.None);
        }

        Assert.Equal(["20261122T000000Z", "20261124T000000Z"], await storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Equal(["20261121T000000Z"], await storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Lists_RootMissing_Empty()
    {
        var missing = new FolderBackupStorage(temp.Combine("nope"));

        Assert.Empty(await missing.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await missing.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.False(Directory.Exists(temp.Combine("nope")));
    }

    [Fact]
    public async Task OpenBackupFolder_AnyNamedFolder_AddressesItThroughItsParent()
    {
        var folder = temp.Combine("usb", "copy-of-backup");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), "{\"x\":1}");

        var reference = FolderBackupStorage.OpenBackupFolder(folder + Path.DirectorySeparatorChar);

        Assert.Equal("copy-of-backup", reference.BackupId);
        Assert.Equal(temp.Combine("usb"), reference.Storage.Root);
        await using var stream = await reference.Storage.OpenFileAsync(reference.BackupId, "manifest.json", CancellationToken.None);
        Assert.NotNull(stream);
    }

    [Fact]
    public void OpenBackupFolder_PartialOrMissingFolder_Rejected()
    {
        Directory.CreateDirectory(temp.Combine(Id + ".partial"));

        Assert.Throws<ArgumentException>(() => FolderBackupStorage.OpenBackupFolder(temp.Combine(Id + ".partial")));
        Assert.Throws<DirectoryNotFoundException>(() => FolderBackupStorage.OpenBackupFolder(temp.Combine(Id)));
    }

    private async Task WriteAsync(string id, string name, string text)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await storage.WriteFileAsync(id, name, content, CancellationToken.None);
    }

    private async Task<string> ReadAsync(string id, string name)
    {
        await using var stream = await storage.OpenFileAsync(id, name, CancellationToken.None);
        using var reader = new StreamReader(stream!);
        return await reader.ReadToEndAsync();
    }
}
