using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SpilledUploadTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task FileAudioStoreSaveAsync_SpilledUpload_MovesTheFileIntoPlaceInsteadOfCopying()
    {
        var store = new FileAudioStore(folder.Combine("audio"));
        var tempPath = folder.Combine("tmp-upload.tmp");
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        var upload = new SpilledUpload(tempPath);
        await using (upload)
        {
            await upload.WriteAsync(bytes);
            upload.Position = 0;

            var stored = await store.SaveAsync("input/u1/t1.wav", upload, "audio/wav", CancellationToken.None);

            Assert.True(upload.Adopted);
            Assert.False(File.Exists(tempPath));
            Assert.Equal(bytes.Length, stored.Bytes);
        }

        // Disposing an adopted upload leaves the stored recording alone.
        Assert.Equal(bytes, await File.ReadAllBytesAsync(folder.Combine("audio", "input", "u1", "t1.wav")));
    }

    [Fact]
    public async Task FileAudioStoreSaveAsync_SpilledUploadNotAtItsStart_IsCopiedFromItsPosition()
    {
        var store = new FileAudioStore(folder.Combine("audio"));
        var tempPath = folder.Combine("tmp-upload.tmp");
        await using var upload = new SpilledUpload(tempPath);
        await upload.WriteAsync(new byte[] { 1, 2, 3, 4, 5 });
        upload.Position = 2;

        await store.SaveAsync("input/u1/t1.wav", upload, "audio/wav", CancellationToken.None);

        Assert.False(upload.Adopted);
        Assert.Equal([3, 4, 5], await File.ReadAllBytesAsync(folder.Combine("audio", "input", "u1", "t1.wav")));
    }

    [Fact]
    public async Task DisposeAsync_NotAdopted_DeletesTheTempFile()
    {
        var tempPath = folder.Combine("tmp-upload.tmp");
        var upload = new SpilledUpload(tempPath);
        await upload.WriteAsync(new byte[] { 1, 2, 3 });

        await upload.DisposeAsync();

        Assert.False(File.Exists(tempPath));
    }

    [Fact]
    public void Dispose_NotAdopted_DeletesTheTempFile()
    {
        var tempPath = folder.Combine("tmp-upload.tmp");
        var upload = new SpilledUpload(tempPath);
        upload.Write([1, 2, 3]);

        upload.Dispose();

        Assert.False(File.Exists(tempPath));
    }
}
