using System.Runtime.Versioning;
using VoiceMemory.SelfHost.Speech;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class EngineLocatorTests : IDisposable
{
    private readonly SpeechTestHost host = new();

    [Theory]
    [InlineData(OfflineEngine.PocketSphinx)]
    [InlineData(OfflineEngine.Sox)]
    [InlineData(OfflineEngine.Ffmpeg)]
    [InlineData(OfflineEngine.Flite)]
    [InlineData(OfflineEngine.EspeakNg)]
    [InlineData(OfflineEngine.Lame)]
    public void TryLocate_DefaultNames_FindsInstalledEngineOnPath(OfflineEngine engine)
    {
        var path = host.Locator.TryLocate(engine);

        Assert.NotNull(path);
        Assert.True(Path.IsPathRooted(path));
        Assert.Equal(EngineLocator.DisplayName(engine), Path.GetFileName(path));
    }

    [Fact]
    public void TryLocate_AbsolutePath_IsHonoured()
    {
        var installed = host.Locator.Locate(OfflineEngine.Sox);
        var locator = Locator(options => options.Sox = installed);

        Assert.Equal(installed, locator.TryLocate(OfflineEngine.Sox));
    }

    [Fact]
    public void TryLocate_PathThatDoesNotExist_DoesNotFallBackToPath()
    {
        var locator = Locator(options => options.Sox = Path.Combine(host.Scratch, "sox"));

        Assert.Null(locator.TryLocate(OfflineEngine.Sox));
        Assert.Equal([OfflineEngine.Sox], locator.FindMissing(OfflineEngine.Sox, OfflineEngine.Lame));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void TryLocate_FileWithoutExecuteBit_IsMissing()
    {
        var file = host.ScratchPath("lame");
        File.WriteAllText(file, "#!/bin/sh\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var locator = Locator(options => options.Lame = file);

        Assert.False(locator.IsAvailable(OfflineEngine.Lame));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void TryLocate_EngineInstalledAfterAMiss_IsFound()
    {
        var file = host.ScratchPath("flite");
        var locator = Locator(options => options.Flite = file);
        Assert.False(locator.IsAvailable(OfflineEngine.Flite));

        File.WriteAllText(file, "#!/bin/sh\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal(file, locator.TryLocate(OfflineEngine.Flite));
    }

    [Fact]
    public void Locate_Missing_ThrowsEngineMissingNamingTheProgramNotThePath()
    {
        var locator = Locator(options => options.PocketSphinx = "/opt/secret-place/pocketsphinx_continuous");

        var exception = Assert.Throws<VoiceMemoryException>(() => locator.Locate(OfflineEngine.PocketSphinx));

        Assert.Equal(ErrorCodes.EngineMissing, exception.Code);
        Assert.Contains("pocketsphinx_continuous", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-place", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindMissingModelFiles_DefaultDebianModel_NothingMissing()
    {
        Assert.Empty(host.Locator.FindMissingModelFiles());
    }

    [Fact]
    public void FindMissingModelFiles_BogusPaths_NamesEachMissingPart()
    {
        var locator = Locator(options =>
        {
            options.AcousticModelPath = host.Scratch;
            options.LanguageModelPath = host.ScratchPath("none.lm.bin");
        });

        Assert.Equal(["acoustic model", "language model"], locator.FindMissingModelFiles());
    }

    public void Dispose() => host.Dispose();

    private static EngineLocator Locator(Action<OfflineSpeechOptions> configure)
    {
        var options = new OfflineSpeechOptions();
        configure(options);
        return new EngineLocator(MsOptions.Create(options));
    }
}
