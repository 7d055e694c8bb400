using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>
/// bicep build and bicep lint of infra/bicep/main.bicep with the pinned CLI. Any "Warning" line fails: linter rules
/// are errors by bicepconfig.json, and BCP type warnings (unknown property, unknown API version) cannot be made errors
/// by configuration. use-recent-api-versions stays a warning in the config but fails here too: every resource uses the
/// newest API version the pinned CLI knows, and the rule never flags the newest version, so the result does not
/// depend on the date (see docs/decisions/0009-infrastructure-checks.md).
/// </summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class BicepTests(CompiledInfrastructure compiled)
{
    [Fact]
    public void Build_MainBicep_SucceedsWithoutWarnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, "bicep build failed:\n" + compiled.Build.Combined);
        var diagnostics = compiled.Build.Lines.Where(IsDiagnostic).ToList();
        Assert.True(diagnostics.Count == 0, "bicep build printed diagnostics:\n" + string.Join('\n', diagnostics));
    }

    [Fact]
    public async Task Lint_MainBicep_PrintsNoWarningOrError()
    {
        var lint = await ProcessRunner.RunAsync(RepositoryPaths.BicepExecutable, ["lint", RepositoryPaths.MainBicep], RepositoryPaths.Root, TimeSpan.FromMinutes(3));

        var diagnostics = lint.Lines.Where(IsDiagnostic).ToList();
        Assert.True(lint.ExitCode == 0 && diagnostics.Count == 0, $"bicep lint exit {lint.ExitCode}:\n" + lint.Combined);
    }

    [Fact]
    public async Task Config_MakesLinterRulesErrors_AndKeepsRecentApiVersionsAWarning()
    {
        // A probe file beside a copy of the repository's bicepconfig.json: an unused parameter and a stale API version.
        var folder = Directory.CreateTempSubdirectory("voicememory-bicepconfig-").FullName;
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "infra", "bicep", "bicepconfig.json"), Path.Combine(folder, "bicepconfig.json"));
            var probe = Path.Combine(folder, "probe.bicep");
            await File.WriteAllTextAsync(probe, """
                param unused string
                resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2018-11-30' = {
                  name: 'probe'
                  location: resourceGroup().location
                }
                """);

            var lint = await ProcessRunner.RunAsync(RepositoryPaths.BicepExecutable, ["lint", probe], folder, TimeSpan.FromMinutes(3));

            Assert.Contains(lint.Lines, l => l.Contains("Error no-unused-params", StringComparison.Ordinal));
            Assert.Contains(lint.Lines, l => l.Contains("Warning use-recent-api-versions", StringComparison.Ordinal));
            Assert.NotEqual(0, lint.ExitCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ApiVersions_AreKnownToTheCli_NoTypeWarnings()
    {
        // BCP081 (no types for this API version) and BCP037/BCP187 (unknown property) would have shown in the build.
        var main = compiled.RequireMain();
        var versions = main.AllResources().Select(r => (string)r.Resource["apiVersion"]!).ToList();
        Assert.NotEmpty(versions);
        Assert.DoesNotContain(versions, v => v.EndsWith("-preview", StringComparison.Ordinal));
    }

    private static bool IsDiagnostic(string line) =>
        line.Contains(" Warning ", StringComparison.Ordinal) || line.Contains(" Error ", StringComparison.Ordinal)
        || line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal);
}
