namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>deploy/prometheus: the alert rules pass promtool's checks and its unit tests (voicememory-alerts.test.yml).</summary>
public sealed class PrometheusRulesTests
{
    [Fact]
    public async Task AlertRules_PassPromtoolCheckRules()
    {
        var (exitCode, output) = await Tool.RunAsync("promtool", ["check", "rules", Tool.DeployFile("prometheus", "voicememory-alerts.yml")]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS: 8 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertRules_PassTheirPromtoolUnitTests()
    {
        var (exitCode, output) = await Tool.RunAsync(
            "promtool", ["test", "rules", "voicememory-alerts.test.yml"], workingDirectory: Tool.DeployFile("prometheus"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExampleConfiguration_PassesPromtoolCheckConfig()
    {
        var (exitCode, output) = await Tool.RunAsync("promtool", ["check", "config", "prometheus.yml"], workingDirectory: Tool.DeployFile("prometheus"));

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task AlertRuleUnitTests_FailWhenAThresholdIsChanged()
    {
        // The unit tests bite: with the 5xx threshold at 20% the expected alert does not fire and promtool says so.
        var folder = Directory.CreateTempSubdirectory("vm-rules-").FullName;
        var rules = await File.ReadAllTextAsync(Tool.DeployFile("prometheus", "voicememory-alerts.yml"));
        Assert.Contains("> 0.05", rules, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "voicememory-alerts.yml"), rules.Replace("> 0.05", "> 0.20", StringComparison.Ordinal));
        File.Copy(Tool.DeployFile("prometheus", "voicememory-alerts.test.yml"), Path.Combine(folder, "voicememory-alerts.test.yml"));

        var (exitCode, output) = await Tool.RunAsync("promtool", ["test", "rules", "voicememory-alerts.test.yml"], workingDirectory: folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("VoiceMemoryHttp5xxRate", output, StringComparison.Ordinal);
    }
}
