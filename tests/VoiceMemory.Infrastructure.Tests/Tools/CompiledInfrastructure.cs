using System.Text.Json.Nodes;
using VoiceMemory.Infrastructure.Tests.Arm;

namespace VoiceMemory.Infrastructure.Tests.Tools;

/// <summary>
/// main.bicep compiled once per test run with the pinned Bicep CLI (to a temp folder, never into the repository), and
/// the build's own output kept so the build test can assert it printed no warning.
/// </summary>
public sealed class CompiledInfrastructure : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "voicememory-bicep-" + Guid.NewGuid().ToString("N"));

    internal ProcessRunner.Result Build { get; private set; } = new(-1, "", "");

    internal ArmTemplate Main { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, "main.json");
        Build = await ProcessRunner.RunAsync(
            RepositoryPaths.BicepExecutable,
            ["build", RepositoryPaths.MainBicep, "--outfile", output],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(3));
        if (Build.ExitCode == 0 && File.Exists(output))
        {
            Main = new ArmTemplate((JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(output))!);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    internal ArmTemplate RequireMain()
    {
        Assert.True(Build.ExitCode == 0, "bicep build failed:\n" + Build.Combined);
        return Main;
    }
}
