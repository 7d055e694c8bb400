using System.Diagnostics;
using System.Text.Json;

namespace VoiceMemory.Functions.Tests.Publish;

/// <summary>
/// <c>dotnet publish src/Functions</c> yields a deployable folder whose functions.metadata lists every function with
/// its trigger and route — what the Functions host indexes. The publish reuses the Release build this test was built with.
/// </summary>
public sealed class FunctionsMetadataTests
{
    public static TheoryData<string, string, string?, string?> Expected => new()
    {
        { "SubmitTurn", "httpTrigger", "v1/turns", "post" },
        { "GetTurn", "httpTrigger", "v1/turns/{turnId}", "get" },
        { "GetTurnAudio", "httpTrigger", "v1/turns/{turnId}/audio", "get" },
        { "ListTurns", "httpTrigger", "v1/turns", "get" },
        { "ListMemories", "httpTrigger", "v1/memories", "get" },
        { "DeleteMemory", "httpTrigger", "v1/memories/{factId}", "delete" },
        { "ExportMe", "httpTrigger", "v1/me/export", "get" },
        { "EraseMe", "httpTrigger", "v1/me", "delete" },
        { "Health", "httpTrigger", "health", "get" },
        { "TurnOrchestrator", "orchestrationTrigger", null, null },
        { "understand", "activityTrigger", null, null },
        { "respond", "activityTrigger", null, null },
        { "speak", "activityTrigger", null, null },
        { "remember", "activityTrigger", null, null },
        { "fail", "activityTrigger", null, null },
        { "BackupTimer", "timerTrigger", null, null },
        { "RetentionTimer", "timerTrigger", null, null },
        { "HealthProbeTimer", "timerTrigger", null, null },
        { "QueuedTurnSweepTimer", "timerTrigger", null, null },
    };

    private static readonly Lazy<string> Published = new(Publish);

    [Theory]
    [MemberData(nameof(Expected))]
    public void EveryFunction_IsListedWithItsTriggerAndRoute(string name, string trigger, string? route, string? method)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Published.Value, "functions.metadata")));
        var function = metadata.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var binding = function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == trigger);

        if (route is not null)
        {
            Assert.Equal(route, binding.GetProperty("route").GetString());
            Assert.Equal(method, Assert.Single(binding.GetProperty("methods").EnumerateArray()).GetString());

            // App Service Authentication is the gate: no function key, which would put code= in URLs.
            Assert.Equal("Anonymous", binding.GetProperty("authLevel").GetString(), ignoreCase: true);
        }
    }

    [Fact]
    public void NothingElse_IsListed()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(Published.Value, "functions.metadata")));
        var names = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray(), names);
    }

    [Fact]
    public void PublishFolder_IsDeployable()
    {
        Assert.True(File.Exists(Path.Combine(Published.Value, "host.json")));
        Assert.True(File.Exists(Path.Combine(Published.Value, "extensions.json")));
        Assert.True(Directory.Exists(Path.Combine(Published.Value, ".azurefunctions")));
        Assert.True(File.Exists(Path.Combine(Published.Value, "VoiceMemory.Functions.dll")));
        Assert.False(File.Exists(Path.Combine(Published.Value, "local.settings.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Published.Value, "host.json")));
        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }

    private static string Publish()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "VoiceMemory.Functions.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found above the test binaries.");
        }

        var output = Path.Combine(Path.GetTempPath(), "voicememory-publish-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", Path.Combine(root, "src", "Functions", "VoiceMemory.Functions.csproj"), "-c", "Release", "--no-build", "-nologo", "-o", output },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish did not finish in 5 minutes.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {stdout.Result}{stderr.Result}");
        }

        return output;
    }
}
