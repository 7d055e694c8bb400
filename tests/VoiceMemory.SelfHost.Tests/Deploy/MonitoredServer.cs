using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using VoiceMemory.SelfHost.Tests.Integration;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>
/// The real server (its own process, a loopback LLM, backups on) after the turns an operator's signals come from — an
/// LLM reply, a spoken turn, a crisis turn, a fallback reply after the LLM went away, a rate-limited client, the start-up
/// backup — then scraped on its metrics listener, and watched by a real Prometheus with the alert rules of deploy/.
/// </summary>
public sealed class MonitoredServer : IAsyncLifetime
{
    private FakeChatServer? llm;
    private Process? prometheus;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> prometheusLog = new();

    internal ServerProcess Server { get; private set; } = null!;

    internal Scrape Scrape { get; private set; } = null!;

    /// <summary>Chat calls the loopback LLM answered (each reports 10 prompt and 5 completion tokens).</summary>
    internal int LlmCalls { get; private set; }

    internal HttpClient Prometheus { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        llm = await FakeChatServer.StartAsync();
        var dataRoot = Directory.CreateTempSubdirectory("vm-metrics-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["VoiceMemory__Llm__Endpoint"] = llm.BaseUrl,
            ["VoiceMemory__Llm__ApiKey"] = "test-key",
            ["VoiceMemory__Llm__Model"] = "test-model",
            ["VoiceMemory__Llm__ExtractFacts"] = "false",
            ["VoiceMemory__Llm__MaxAttempts"] = "1",
            ["VoiceMemory__Llm__TimeoutSeconds"] = "60",
            ["VoiceMemory__Limits__RequestsPerMinute"] = "300",
            ["VoiceMemory__Backup__Enabled"] = "true",
        };
        var alice = await AddUserAsync(dataRoot, environment, "alice");
        var flood = await AddUserAsync(dataRoot, environment, "flood");
        Server = await ServerProcess.StartAsync(dataRoot, environment);

        using var client = Client(alice);
        await WaitCompletedAsync(client, await client.SubmitTextAsync("I love my garden."));
        await WaitCompletedAsync(client, await client.SubmitAudioAsync(await Integration.Speech.SynthesizeWavAsync("Hello, my name is Alice.")));
        await WaitCompletedAsync(client, await client.SubmitTextAsync("I want to kill myself."));
        LlmCalls = llm.Calls;
        await llm.DisposeAsync();
        llm = null;
        await WaitCompletedAsync(client, await client.SubmitTextAsync("Tell me something nice."));

        using var flooding = Client(flood);
        var limited = false;
        for (var i = 0; i < 1000 && !limited; i++)
        {
            using var response = await flooding.GetAsync(new Uri("/api/v1/turns?limit=1", UriKind.Relative));
            limited = response.StatusCode == HttpStatusCode.TooManyRequests;
        }

        Assert.True(limited, "the flooding client was never rate-limited");
        Scrape = await ScrapeWhenAsync(s => s.Sum("voicememory_backup_runs_total", ("outcome", "success")) >= 1);
        await StartPrometheusAsync();
    }

    public async Task DisposeAsync()
    {
        if (prometheus is { HasExited: false })
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
        }

        prometheus?.Dispose();
        Prometheus.Dispose();
        if (llm is not null)
        {
            await llm.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Runs an instant query in the real Prometheus; fails the test on a query error.</summary>
    internal async Task<JsonElement> QueryAsync(string expression)
    {
        using var response = await Prometheus.GetAsync(new Uri("/api/v1/query?query=" + Uri.EscapeDataString(expression), UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{expression}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    internal async Task<JsonElement> RulesAsync()
    {
        using var response = await Prometheus.GetAsync(new Uri("/api/v1/rules", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("data").GetProperty("groups").Clone();
    }

    internal string PrometheusLog => string.Join('\n', prometheusLog);

    private async Task<Scrape> ScrapeWhenAsync(Func<Scrape, bool> condition)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var scrape = Scrape.Parse(await http.GetStringAsync(new Uri(Server.MetricsUrl + "/metrics")));
            if (condition(scrape) || DateTime.UtcNow > deadline)
            {
                return scrape;
            }

            await Task.Delay(250);
        }
    }

    private async Task StartPrometheusAsync()
    {
        var folder = Directory.CreateTempSubdirectory("vm-prometheus-").FullName;
        var target = new Uri(Server.MetricsUrl).Authority;
        var rules = Tool.DeployFile("prometheus", "voicememory-alerts.yml");
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rules}
            scrape_configs:
              - job_name: voicememory
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = FreePort();
        var start = new ProcessStartInfo(Tool.Executable("prometheus"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
        {
            "--config.file=" + Path.Combine(folder, "prometheus.yml"), "--storage.tsdb.path=" + Path.Combine(folder, "data"),
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        prometheus = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        prometheus.ErrorDataReceived += (_, e) => prometheusLog.Enqueue(e.Data ?? "");
        prometheus.OutputDataReceived += (_, e) => prometheusLog.Enqueue(e.Data ?? "");
        prometheus.BeginErrorReadLine();
        prometheus.BeginOutputReadLine();
        Prometheus.BaseAddress = new Uri($"http://127.0.0.1:{port}");

        // Ready once it has scraped the server and evaluated the rules at least once.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(prometheus.HasExited, "prometheus exited:\n" + PrometheusLog);
            try
            {
                var up = await QueryAsync("up{job=\"voicememory\"} == 1");
                var groups = await RulesAsync();
                if (up.GetArrayLength() == 1 && groups.EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray())
                    .All(r => r.TryGetProperty("lastEvaluation", out var at) && !at.GetString()!.StartsWith("0001", StringComparison.Ordinal)))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("prometheus did not scrape the server:\n" + PrometheusLog);
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(Server.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task<string> AddUserAsync(string dataRoot, Dictionary<string, string> environment, string name)
    {
        var created = await ServerProcess.RunCliAsync(dataRoot, environment, "users", "add", name);
        Assert.True(created.ExitCode == 0, created.StandardError);
        return created.StandardOutput.Trim();
    }

    private async Task WaitCompletedAsync(HttpClient client, string turnId)
    {
        var status = await client.WaitAsync(turnId, TimeSpan.FromSeconds(90));
        Assert.True(status.Status == Turns.TurnState.Completed, $"turn {turnId}: {status.Status} {status.Error?.Code} {status.Error?.Message}\n{Server.Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
