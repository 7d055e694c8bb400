using System.Text.RegularExpressions;
using VoiceMemory.SelfHost.Configuration;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>deploy/systemd: the unit passes systemd-analyze verify cleanly and is hardened as operators expect.</summary>
public sealed partial class SystemdUnitTests
{
    private static string Unit => Tool.DeployFile("systemd", "voicememory.service");

    [Fact]
    public async Task Unit_PassesSystemdAnalyzeVerifyWithoutAWarning()
    {
        var (exitCode, output) = await Tool.RunAsync("systemd-analyze", ["verify", Unit]);

        // verify exits 0 even for unknown keys or bad values; it prints them, so any output is a failure.
        Assert.True(exitCode == 0, output);
        Assert.True(string.IsNullOrWhiteSpace(output), output);
    }

    [Fact]
    public async Task Unit_ExposureScoreIsAtMostTwo()
    {
        var (exitCode, output) = await Tool.RunAsync("systemd-analyze", ["security", "--offline=true", "--threshold=20", Unit]);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Unit_RunsAsItsOwnUserWithOnlyTheDataRootWritable()
    {
        var unit = await File.ReadAllTextAsync(Unit);

        Assert.Equal("voicememory", Setting(unit, "User"));
        Assert.Equal("strict", Setting(unit, "ProtectSystem"));
        Assert.Equal("yes", Setting(unit, "NoNewPrivileges"));
        Assert.Equal("on-failure", Setting(unit, "Restart"));
        var dataRoot = Setting(unit, "Environment", "VoiceMemory__DataRoot=");
        Assert.Equal("/var/lib/voicememory", dataRoot);
        Assert.Equal(dataRoot, Setting(unit, "ReadWritePaths"));
        Assert.Equal("/var/lib/" + Setting(unit, "StateDirectory"), dataRoot);
        var sysusers = await File.ReadAllTextAsync(Tool.DeployFile("systemd", "voicememory.sysusers.conf"));
        Assert.Matches(@"(?m)^u voicememory - ", sysusers);
    }

    [Fact]
    public async Task Unit_StopTimeoutCoversTheServersGracefulShutdown()
    {
        var unit = await File.ReadAllTextAsync(Unit);
        var stop = TimeSpan.FromSeconds(int.Parse(Setting(unit, "TimeoutStopSec").TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture));

        // The host waits Runner:ShutdownTimeout + 10 s (ServerApp); systemd must not SIGKILL before that.
        Assert.True(stop > new RunnerOptions().ShutdownTimeout + TimeSpan.FromSeconds(10), $"TimeoutStopSec={stop}");
        Assert.Equal("SIGTERM", Setting(unit, "KillSignal"));
    }

    private static string Setting(string unit, string key, string? valuePrefix = null)
    {
        var values = UnitLine().Matches(unit).Where(m => m.Groups["key"].Value == key).Select(m => m.Groups["value"].Value.Trim());
        if (valuePrefix is not null)
        {
            values = values.Where(v => v.StartsWith(valuePrefix, StringComparison.Ordinal)).Select(v => v[valuePrefix.Length..]);
        }

        return Assert.Single(values);
    }

    [GeneratedRegex(@"(?m)^(?<key>[A-Za-z]+)=(?<value>.*)$")]
    private static partial Regex UnitLine();
}
