using System.Net;
using System.Net.Sockets;
using VoiceMemory.SelfHost.Tests.Integration;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>The metrics listener's settings, on the real server process.</summary>
public sealed class MetricsListenerTests
{
    [Fact]
    public async Task MetricsDisabled_NothingListensOnTheMetricsPort_AndTheApiStillHasNoMetrics()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-nometrics-").FullName;
        var metricsPort = FreePort();
        await using var server = await ServerProcess.StartAsync(dataRoot, new Dictionary<string, string>
        {
            ["VoiceMemory__Metrics__Enabled"] = "false",
            ["VoiceMemory__Metrics__Url"] = $"http://127.0.0.1:{metricsPort}",
        });
        using var http = new HttpClient();

        using var onApi = await http.GetAsync(new Uri(server.Url + "/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, onApi.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics")));
    }

    [Fact]
    public async Task MetricsOnTheApiPort_IsRefusedAtStartWithAClearMessage()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-samemetrics-").FullName;
        var port = FreePort();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(
            dataRoot, new Dictionary<string, string> { ["VoiceMemory__Metrics__Url"] = $"http://127.0.0.1:{port}" }, port));

        Assert.Contains("the server exited with 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("error: invalid settings: VoiceMemory:Metrics:Url (http://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("uses a port of the API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsUrlWithoutAPort_IsRefusedAtStart()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-badmetrics-").FullName;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(
            dataRoot, new Dictionary<string, string> { ["VoiceMemory__Metrics__Url"] = "http://127.0.0.1/metrics" }));

        Assert.Contains("the server exited with 2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("VoiceMemory:Metrics:Url must be http://host:port", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
