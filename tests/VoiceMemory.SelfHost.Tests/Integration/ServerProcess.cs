using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>The real server (or CLI) as a separate process, so it can be killed with SIGKILL and restarted.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, string url, string metricsUrl)
    {
        this.process = process;
        Url = url;
        MetricsUrl = metricsUrl;
    }

    public string Url { get; }

    /// <summary>The metrics listener (a free loopback port of its own unless the environment sets one).</summary>
    public string MetricsUrl { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The built server next to this test assembly.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "VoiceMemory.SelfHost.dll");

    public static async Task<ServerProcess> StartAsync(string dataRoot, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        var url = $"http://127.0.0.1:{port ?? FreePort()}";
        var start = Start(dataRoot, environment, ["--urls", url]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, url, start.Environment["VoiceMemory__Metrics__Url"]!);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                // Waiting for the exit also drains the redirected output, so the message holds the server's last words.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"the server exited with {process.ExitCode}:\n{server.Output}");
            }

            try
            {
                var response = await http.GetAsync(url + "/api/health");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer its first request (a loaded machine): ask again until the deadline.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"the server did not start:\n{server.Output}");
    }

    /// <summary>Runs an admin CLI command to completion.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunCliAsync(string dataRoot, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var process = Process.Start(Start(dataRoot, environment, arguments)) ?? throw new InvalidOperationException("could not start the CLI");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>A graceful stop (SIGTERM), as a service manager would.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static ProcessStartInfo Start(string dataRoot, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(ServerDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VoiceMemory__DataRoot"] = dataRoot;
        start.Environment["VoiceMemory__Backup__Enabled"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Its own metrics listener: servers of parallel tests never contend for the default port.
        start.Environment["VoiceMemory__Metrics__Url"] = $"http://127.0.0.1:{FreePort()}";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
