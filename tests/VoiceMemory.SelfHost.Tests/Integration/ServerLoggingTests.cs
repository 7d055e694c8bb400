using VoiceMemory.Testing;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>The real server's default log levels: its own events, not ASP.NET Core's five lines per request.</summary>
public sealed class ServerLoggingTests : IDisposable
{
    private const string FrameworkRequestLine = "Microsoft.AspNetCore.Hosting.Diagnostics";
    private readonly string dataRoot = Directory.CreateTempSubdirectory("vm-logging-").FullName;

    [Fact]
    public async Task DefaultLevels_LogTheServersEvents_ButNotEveryRequest()
    {
        await using var server = await ServerProcess.StartAsync(dataRoot);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync(new Uri("/api/health", UriKind.Relative))).Dispose();
        }

        (await http.GetAsync(new Uri("/api/v1/nope", UriKind.Relative))).Dispose();
        await Eventually.WaitUntilAsync(() => server.Output.Contains("TurnRunner", StringComparison.Ordinal), "the runner's start-up event");
        await server.StopAsync();

        Assert.DoesNotContain(FrameworkRequestLine, server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.AspNetCore.Routing", server.Output, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Hosting.Lifetime", server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredLevel_OverridesTheDefault()
    {
        var environment = new Dictionary<string, string> { ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information" };
        await using var server = await ServerProcess.StartAsync(dataRoot, environment);
        using var http = new HttpClient { BaseAddress = new Uri(server.Url) };

        (await http.GetAsync(new Uri("/api/health", UriKind.Relative))).Dispose();

        await Eventually.WaitUntilAsync(() => server.Output.Contains(FrameworkRequestLine, StringComparison.Ordinal), "ASP.NET Core's request lines");
    }

    public void Dispose() => Directory.Delete(dataRoot, recursive: true);
}
