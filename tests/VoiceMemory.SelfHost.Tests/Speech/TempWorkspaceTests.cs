using Microsoft.Extensions.Logging.Abstractions;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.SelfHost.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class TempWorkspaceTests : IDisposable
{
    private readonly SpeechTestHost host = new();

    [Fact]
    public void Create_UnderConfiguredDataRoot_UsesTempRoot()
    {
        using var workspace = host.Workspaces.Create();

        Assert.Equal(Path.Combine(host.DataRoot, "tmp"), Path.GetDirectoryName(workspace.FullPath));
        Assert.True(Directory.Exists(workspace.FullPath));
    }

    [Fact]
    public void Create_NoDataRoot_FallsBackToSystemTemp()
    {
        var factory = new TempWorkspaceFactory(
            MsOptions.Create(new SelfHostOptions { DataRoot = "" }), TimeProvider.System, NullLogger<TempWorkspaceFactory>.Instance);

        using var workspace = factory.Create();

        Assert.StartsWith(Path.GetTempPath(), workspace.FullPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_AfterFilesWereWritten_RemovesTheFolder()
    {
        string path;
        using (var workspace = host.Workspaces.Create())
        {
            path = workspace.FullPath;
            File.WriteAllText(workspace.PathOf("input.wav"), "audio");
            Directory.CreateDirectory(Path.Combine(path, "nested"));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Dispose_WhenTheRunThrew_RemovesTheFolder()
    {
        string? path = null;

        void Run()
        {
            using var workspace = host.Workspaces.Create();
            path = workspace.FullPath;
            File.WriteAllText(workspace.PathOf("input.wav"), "audio");
            throw new InvalidOperationException("engine failed");
        }

        Assert.Throws<InvalidOperationException>(Run);

        Assert.NotNull(path);
        Assert.False(Directory.Exists(path));
    }

    [Theory]
    [InlineData("../escape.wav")]
    [InlineData("sub/input.wav")]
    [InlineData("..")]
    public void PathOf_NameWithDirectoryPart_Throws(string fileName)
    {
        using var workspace = host.Workspaces.Create();

        Assert.Throws<ArgumentException>(() => workspace.PathOf(fileName));
    }

    [Fact]
    public void Create_FirstUse_SweepsOnlyStaleEngineWorkspaces()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var factory = new TempWorkspaceFactory(
            MsOptions.Create(new SelfHostOptions { DataRoot = host.DataRoot }), clock, NullLogger<TempWorkspaceFactory>.Instance);
        var stale = Directory.CreateDirectory(Path.Combine(factory.Root, TempWorkspaceFactory.Prefix + "crashed"));
        File.WriteAllText(Path.Combine(stale.FullName, "input.wav"), "left by kill -9");
        stale.LastWriteTimeUtc = clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2);
        var fresh = Directory.CreateDirectory(Path.Combine(factory.Root, TempWorkspaceFactory.Prefix + "running"));
        var foreign = Directory.CreateDirectory(Path.Combine(factory.Root, "upload-old"));
        foreign.LastWriteTimeUtc = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2);
        var staleUpload = WriteUpload(factory.Root, "killed", clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(2));
        var uploading = WriteUpload(factory.Root, "in-flight", clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5));
        var otherFile = Path.Combine(factory.Root, "notes.tmp");
        File.WriteAllText(otherFile, "not ours");
        File.SetLastWriteTimeUtc(otherFile, clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(2));

        using var workspace = factory.Create();

        Assert.False(Directory.Exists(stale.FullName));
        Assert.True(Directory.Exists(fresh.FullName));
        Assert.True(Directory.Exists(foreign.FullName));
        Assert.False(File.Exists(staleUpload));
        Assert.True(File.Exists(uploading));
        Assert.True(File.Exists(otherFile));
    }

    [Fact]
    public async Task StaleTempRetention_RemovesAnUploadLeftByACrash_AndCountsIt()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.UtcNow);
        var factory = new TempWorkspaceFactory(
            MsOptions.Create(new SelfHostOptions { DataRoot = host.DataRoot }), clock, NullLogger<TempWorkspaceFactory>.Instance);
        Directory.CreateDirectory(factory.Root);
        var leftover = WriteUpload(factory.Root, "killed", clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1));
        var retention = new StaleTempRetention(factory);

        var first = await retention.RunAsync(clock.GetUtcNow(), CancellationToken.None);
        var second = await retention.RunAsync(clock.GetUtcNow(), CancellationToken.None);

        Assert.Equal("temp_file", retention.Kind);
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.False(File.Exists(leftover));
    }

    private static string WriteUpload(string root, string name, DateTime lastWriteUtc)
    {
        var path = Path.Combine(root, SpilledUpload.FilePrefix + name + SpilledUpload.FileSuffix);
        File.WriteAllText(path, "RIFF a user's recording");
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }

    [Fact]
    public void Create_DataRootIsAFile_ThrowsTransientStorageUnavailable()
    {
        var file = host.ScratchPath("not-a-folder");
        File.WriteAllText(file, "x");
        var factory = new TempWorkspaceFactory(
            MsOptions.Create(new SelfHostOptions { DataRoot = file }), TimeProvider.System, NullLogger<TempWorkspaceFactory>.Instance);

        var exception = Assert.Throws<VoiceMemoryException>(factory.Create);

        Assert.Equal(ErrorCodes.StorageUnavailable, exception.Code);
        Assert.True(exception.IsTransient);
    }

    public void Dispose() => host.Dispose();
}
