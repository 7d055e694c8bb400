using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using VoiceMemory.SelfHost.Tests.Integration;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>deploy/nginx: passes `nginx -t`, and in front of the real server terminates TLS with the server's limits.</summary>
public sealed class NginxProxyTests
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task Config_PassesNginxTest()
    {
        await using var proxy = await NginxProxy.PrepareAsync(upstreamPort: 17071);

        var (exitCode, output) = await Tool.RunAsync("nginx", ["-t", "-c", proxy.MainConfig, "-p", proxy.Folder]);

        Assert.True(exitCode == 0, output);
        Assert.Contains("test is successful", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_InFrontOfTheRealServer_ServesTheApiOverTlsWithItsLimits()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-proxy-").FullName;
        var created = await ServerProcess.RunCliAsync(dataRoot, null, "users", "add", "proxied");
        Assert.True(created.ExitCode == 0, created.StandardError);
        await using var server = await ServerProcess.StartAsync(dataRoot, new Dictionary<string, string> { ["VoiceMemory__Limits__RequestsPerMinute"] = "10000" });
        await using var proxy = await NginxProxy.StartAsync(new Uri(server.Url).Port);
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator, AllowAutoRedirect = false };
        using var https = new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{proxy.HttpsPort}"), Timeout = TimeSpan.FromMinutes(1) };
        https.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.StandardOutput.Trim());

        using var plain = await https.GetAsync(new Uri($"http://127.0.0.1:{proxy.HttpPort}/api/health"));
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location?.Scheme);

        using var health = await https.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.True(health.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, health.StatusCode.ToString());
        Assert.True(health.Headers.Contains("Strict-Transport-Security"));

        var turnId = await https.SubmitTextAsync("I like tea.");
        Assert.Equal(Turns.TurnState.Completed, (await https.WaitAsync(turnId)).Status);

        using var metrics = await https.GetAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);

        // Just over the server's 25 MiB: the server's own answer comes through the proxy.
        await AssertTooLargeAsync(https, 25 * MiB + 1);
        // Over the proxy's cap: nginx answers, with the same problem body.
        await AssertTooLargeAsync(https, 27 * MiB);
    }

    private static async Task AssertTooLargeAsync(HttpClient https, int bytes)
    {
        using var response = await https.PostAudioAsync(new byte[bytes], "audio/wav");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("audio_too_large", problem.RootElement.GetProperty("code").GetString());
    }
}
