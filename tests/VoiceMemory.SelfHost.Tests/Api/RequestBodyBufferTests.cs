using VoiceMemory.Api;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Tests.Storage;

namespace VoiceMemory.SelfHost.Tests.Api;

public sealed class RequestBodyBufferTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReadAsync_DeclaredLengthAboveThreshold_SpillsToATempFileFromTheStart()
    {
        var bytes = Body(RequestBodyBuffer.MemoryThreshold + 1);

        await using var buffered = await RequestBodyBuffer.ReadAsync(new MemoryStream(bytes), bytes.Length, bytes.Length, folder.Path, CancellationToken.None);

        var spilled = Assert.IsType<SpilledUpload>(buffered);
        Assert.Equal(0, spilled.Position);
        Assert.Equal(bytes.Length, spilled.Length);
        Assert.True(File.Exists(spilled.Name));
    }

    [Fact]
    public async Task ReadAsync_NoDeclaredLengthAndLargeBody_SpillsOnceTheThresholdIsPassed()
    {
        var bytes = Body(RequestBodyBuffer.MemoryThreshold + 100_000);

        await using var buffered = await RequestBodyBuffer.ReadAsync(new MemoryStream(bytes), null, bytes.Length, folder.Path, CancellationToken.None);

        Assert.IsType<SpilledUpload>(buffered);
        var copy = new MemoryStream();
        await buffered.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task ReadAsync_SmallBody_StaysInMemory()
    {
        var bytes = Body(1000);

        await using var buffered = await RequestBodyBuffer.ReadAsync(new MemoryStream(bytes), bytes.Length, 10_000, folder.Path, CancellationToken.None);

        Assert.IsType<MemoryStream>(buffered);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task ReadAsync_BodyOverTheLimit_ThrowsTooLargeAndLeavesNoTempFile()
    {
        var bytes = Body(RequestBodyBuffer.MemoryThreshold + 10);

        var problem = await Assert.ThrowsAsync<ApiProblem>(() =>
            RequestBodyBuffer.ReadAsync(new MemoryStream(bytes), bytes.Length, bytes.Length - 1, folder.Path, CancellationToken.None));

        Assert.Equal(ErrorCodes.AudioTooLarge, problem.Code);
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private static byte[] Body(int length) => Enumerable.Range(0, length).Select(i => (byte)(i % 251)).ToArray();
}
