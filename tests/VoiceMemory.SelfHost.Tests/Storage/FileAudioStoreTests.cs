using System.Runtime.Versioning;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Testing.Contracts;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class FileAudioStoreTests : AudioStoreContract, IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private string Root => folder.Combine("audio");

    protected override Task<IAudioStore> CreateStoreAsync() => Task.FromResult<IAudioStore>(new FileAudioStore(Root));

    [Fact]
    public async Task SaveAsync_Key_WritesFileAtRootSlashKeyAndNoTempFile()
    {
        var store = new FileAudioStore(Root);

        await store.SaveAsync("input/u1/t1.wav", Bytes(12, 3), "audio/wav", CancellationToken.None);

        Assert.Equal(12, new FileInfo(Path.Combine(Root, "input", "u1", "t1.wav")).Length);
        Assert.Equal(["t1.wav"], Directory.GetFiles(Path.Combine(Root, "input", "u1")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_DiskFull_ThrowsTransientStorageFullAndRemovesTempFile()
    {
        var store = new FileAudioStore(Root);
        // .NET reports ENOSPC as an IOException whose HResult is the errno (28) on Unix.
        var diskFull = new IOException("No space left on device", OperatingSystem.IsWindows() ? unchecked((int)0x80070070) : 28);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() =>
            store.SaveAsync("input/u1/t1.wav", new FailingStream(100_000, diskFull), "audio/wav", CancellationToken.None));

        Assert.Equal(ErrorCodes.StorageFull, error.Code);
        Assert.True(error.IsTransient);
        Assert.Same(diskFull, error.InnerException);
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "input", "u1")));
    }

    [Fact]
    public async Task SaveAsync_ReadOnlyFileSystem_ThrowsTransientStorageUnavailable()
    {
        var store = new FileAudioStore(Root);
        var readOnly = new IOException("Read-only file system", OperatingSystem.IsWindows() ? unchecked((int)0x80070013) : 30);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() =>
            store.SaveAsync("input/u1/t1.wav", new FailingStream(10, readOnly), "audio/wav", CancellationToken.None));

        Assert.Equal((ErrorCodes.StorageUnavailable, true), (error.Code, error.IsTransient));
        Assert.Empty(Directory.GetFiles(Path.Combine(Root, "input", "u1")));
    }

    [NonRootFact]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_FolderWithoutWritePermission_ThrowsTransientStorageUnavailable()
    {
        var store = new FileAudioStore(Root);
        await store.SaveAsync("input/u1/t1.wav", Bytes(10, 1), "audio/wav", CancellationToken.None);
        File.SetUnixFileMode(Path.Combine(Root, "input", "u1"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() =>
            store.SaveAsync("input/u1/t2.wav", Bytes(10, 1), "audio/wav", CancellationToken.None));

        Assert.Equal((ErrorCodes.StorageUnavailable, true), (error.Code, error.IsTransient));
        Assert.Equal(["t1.wav"], Directory.GetFiles(Path.Combine(Root, "input", "u1")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task SaveAsync_SourceFailsForAnotherReason_RethrowsItUnchanged()
    {
        var store = new FileAudioStore(Root);
        var cutOff = new IOException("connection reset");

        var error = await Assert.ThrowsAsync<IOException>(() =>
            store.SaveAsync("input/u1/t1.wav", new FailingStream(10, cutOff), "audio/wav", CancellationToken.None));

        Assert.Same(cutOff, error);
    }

    [Fact]
    public async Task DeletePrefixAsync_UserFolders_RemovesEmptiedFoldersButNotRoot()
    {
        var store = new FileAudioStore(Root);
        await store.SaveAsync("input/u1/t1.wav", Bytes(1, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync("input/u2/t2.wav", Bytes(1, 1), "audio/wav", CancellationToken.None);

        await store.DeletePrefixAsync("input/u1/", CancellationToken.None);
        await store.DeletePrefixAsync("", CancellationToken.None);

        Assert.True(Directory.Exists(Root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Root));
    }

    // Found by the fault harness (chaos): a kill -9 during an upload's save left ".{turn}.mp3.{guid}.tmp" in the user's
    // input folder, with the recording in it; erasing the user's audio left it behind.
    [Fact]
    public async Task DeletePrefixAsync_TempFileOfAWriteCutShortByACrash_IsErasedToo()
    {
        var store = new FileAudioStore(Root);
        await store.SaveAsync("input/u1/t1.wav", Bytes(1, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync("input/u2/t2.wav", Bytes(1, 1), "audio/wav", CancellationToken.None);
        var abandoned = Path.Combine(Root, "input", "u1", ".t3.mp3.0123456789abcdef0123456789abcdef.tmp");
        var otherUser = Path.Combine(Root, "input", "u2", ".t4.mp3.0123456789abcdef0123456789abcdef.tmp");
        await File.WriteAllBytesAsync(abandoned, [1, 2, 3]);
        await File.WriteAllBytesAsync(otherUser, [1, 2, 3]);

        await store.DeletePrefixAsync("input/u1/", CancellationToken.None);

        Assert.False(File.Exists(abandoned));
        Assert.False(Directory.Exists(Path.Combine(Root, "input", "u1")));
        Assert.True(File.Exists(otherUser));
    }

    [Fact]
    public async Task ListAsync_TempFileOfAnInterruptedWrite_IsNotListed()
    {
        var store = new FileAudioStore(Root);
        await store.SaveAsync("input/u1/t1.wav", Bytes(1, 1), "audio/wav", CancellationToken.None);
        await File.WriteAllBytesAsync(Path.Combine(Root, "input", "u1", ".t2.wav.0123.tmp"), [1, 2, 3]);

        var listed = await ToListAsync(store.ListAsync("input/", CancellationToken.None));

        Assert.Equal(["input/u1/t1.wav"], listed.Select(a => a.Key));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/input/")]
    [InlineData("input/../")]
    public async Task ListAsync_InvalidPrefix_ThrowsArgumentException(string prefix)
    {
        var store = new FileAudioStore(Root);

        await Assert.ThrowsAsync<ArgumentException>(() => ToListAsync(store.ListAsync(prefix, CancellationToken.None)));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeletePrefixAsync(prefix, CancellationToken.None));
    }

    [Fact]
    public async Task OpenReadAsync_FileDeletedWhileOpen_KeepsStreamReadable()
    {
        var store = new FileAudioStore(Root);
        await store.SaveAsync("reply/u1/t1.mp3", Bytes(1000, 5), "audio/mpeg", CancellationToken.None);

        await using var stream = await store.OpenReadAsync("reply/u1/t1.mp3", CancellationToken.None);
        var deleted = await store.DeleteAsync("reply/u1/t1.mp3", CancellationToken.None);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);

        Assert.True(deleted);
        Assert.Equal(1000, copy.Length);
    }

    [Fact]
    public async Task GetDownloadUrlAsync_SelfHost_ReturnsNull()
    {
        var store = new FileAudioStore(Root);

        Assert.Null(await store.GetDownloadUrlAsync("reply/u1/t1.mp3", TimeSpan.FromMinutes(5), CancellationToken.None));
    }

    [Theory]
    [InlineData("reply/u1/t1.mp3", "audio/mpeg")]
    [InlineData("input/u1/t1.WAV", "audio/wav")]
    [InlineData("input/u1/t1.ogg", "audio/ogg")]
    [InlineData("input/u1/t1.webm", "audio/webm")]
    [InlineData("input/u1/t1.m4a", "audio/mp4")]
    [InlineData("input/u1/t1.flac", "audio/flac")]
    [InlineData("input/u1/t1.bin", "application/octet-stream")]
    public async Task SaveAsync_NoContentType_TakesItFromTheExtension(string key, string expected)
    {
        var store = new FileAudioStore(Root);

        var saved = await store.SaveAsync(key, Bytes(1, 1), "", CancellationToken.None);

        Assert.Equal(expected, saved.ContentType);
        Assert.Equal(expected, FileAudioStore.ContentTypeOf(key));
    }
}
