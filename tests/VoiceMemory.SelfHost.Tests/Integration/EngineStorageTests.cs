using VoiceMemory.SelfHost.Tests.Speech;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// An engine that cannot write its output because the temp volume is full must not fail the turn for good
/// (synthesis_failed, malformed_audio): the failure is the disk's, typed and transient, so the turn waits for space.
/// Found by the harness (diskfull): a reply's speak step failed as synthesis_failed when tmp/ filled mid-run.
/// </summary>
public sealed class EngineStorageTests : IAsyncDisposable
{
    private readonly SpeechTestHost host = new();
    private Tmpfs? tmpfs;

    [TmpfsFact]
    public async Task Synthesize_TempVolumeFullMidRun_ThrowsTransientStorageFull_AndWorksWhenSpaceReturns()
    {
        var tempRoot = await MountTempRootAsync();
        // Leave one page: the workspace and the text file fit, none of the engines' WAV output does.
        var slack = Path.Combine(tempRoot, "slack.bin");
        await File.WriteAllBytesAsync(slack, new byte[4 * 1024]);
        tmpfs!.Fill();
        File.Delete(slack);

        var failure = await Assert.ThrowsAsync<VoiceMemoryException>(
            () => host.TextToSpeech.SynthesizeAsync("Hello, this sentence needs more room than the disk has left.", "en-US", CancellationToken.None));

        Assert.Equal(ErrorCodes.StorageFull, failure.Code);
        Assert.True(failure.IsTransient);

        tmpfs.Free();
        var speech = await host.TextToSpeech.SynthesizeAsync("Hello again.", "en-US", CancellationToken.None);
        Assert.NotEmpty(speech.Audio);
    }

    [TmpfsFact]
    public async Task StorageFailure_WritableWorkspace_IsNull_FullOne_IsTransientStorageFull()
    {
        await MountTempRootAsync();
        using var workspace = host.Workspaces.Create();

        Assert.Null(workspace.StorageFailure());
        tmpfs!.Fill();
        var failure = workspace.StorageFailure();

        Assert.NotNull(failure);
        Assert.Equal(ErrorCodes.StorageFull, failure.Code);
        Assert.True(failure.IsTransient);
        tmpfs.Free();
    }

    public async ValueTask DisposeAsync()
    {
        if (tmpfs is not null)
        {
            await tmpfs.DisposeAsync();
        }

        host.Dispose();
    }

    // The engines' temp root (data root/tmp) becomes a small tmpfs of its own.
    private async Task<string> MountTempRootAsync()
    {
        tmpfs = await Tmpfs.MountAsync(1, host.Workspaces.Root);
        return tmpfs.Path;
    }
}
