using System.Text.Json;

namespace VoiceMemory.Functions.Tests.Publish;

/// <summary>
/// <c>dotnet publish src/Functions</c> yields a deployable folder whose functions.metadata lists every function with
/// its trigger and route — what the Functions host indexes. The publish reuses the Release build this test was built with.
/// </summary>
public sealed class FunctionsMetadataTests(PublishedApp published) : IClassFixture<PublishedApp>
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

    [Theory]
    [MemberData(nameof(Expected))]
    public void EveryFunction_IsListedWithItsTriggerAndRoute(string name, string trigger, string? route, string? method)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")));
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
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "functions.metadata")));
        var names = metadata.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(Expected.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToArray(), names);
    }

    [Fact]
    public void PublishFolder_IsDeployable()
    {
        Assert.True(File.Exists(Path.Combine(published.Folder, "host.json")));
        Assert.True(File.Exists(Path.Combine(published.Folder, "extensions.json")));
        Assert.True(Directory.Exists(Path.Combine(published.Folder, ".azurefunctions")));
        Assert.True(File.Exists(Path.Combine(published.Folder, "VoiceMemory.Functions.dll")));
        Assert.False(File.Exists(Path.Combine(published.Folder, "local.settings.json")));
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "host.json")));
        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }
}
