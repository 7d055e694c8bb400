using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Maintenance;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

public sealed class DiskSpaceCheckTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(1000, 200, HealthState.Healthy)]
    [InlineData(400, 200, HealthState.Healthy)]
    [InlineData(399, 200, HealthState.Degraded)]
    [InlineData(200, 200, HealthState.Degraded)]
    [InlineData(199, 200, HealthState.Unhealthy)]
    [InlineData(0, 0, HealthState.Healthy)]
    public async Task Check_ComparesFreeSpaceWithTheMinimum(long freeMegabytes, long minimum, HealthState expected)
    {
        var check = new DiskSpaceCheck(Options.Create(new SelfHostOptions { DataRoot = temp.Path }), Options.Create(new HealthOptions { MinFreeDiskMegabytes = minimum }))
        {
            FreeBytes = _ => (freeMegabytes * 1024 * 1024) + 1000,
        };

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(expected, result.Status);
        Assert.StartsWith($"{freeMegabytes} MB free", result.Detail, StringComparison.Ordinal);
        Assert.Equal(("disk", true), (check.Name, check.Critical));
    }

    [Fact]
    public async Task Check_DataRootNotCreatedYet_MeasuresItsNearestExistingFolderForReal()
    {
        string? measured = null;
        var real = new DiskSpaceCheck(Options.Create(new SelfHostOptions()), Options.Create(new HealthOptions())).FreeBytes;
        var check = new DiskSpaceCheck(Options.Create(new SelfHostOptions { DataRoot = temp.Combine("not", "yet") }), Options.Create(new HealthOptions { MinFreeDiskMegabytes = 0 }))
        {
            FreeBytes = path =>
            {
                measured = path;
                return real(path);
            },
        };

        var result = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(temp.Path, measured);
        Assert.Equal(HealthState.Healthy, result.Status);
        Assert.Matches("^[0-9]+ MB free$", result.Detail);
    }
}
