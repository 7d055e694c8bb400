using System.Diagnostics;
using System.Net;
using System.Text;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>The real self-host server as its own process (`dotnet VoiceMemory.SelfHost.dll`), on a free loopback port.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const int OutputTailChars = 20_000;
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, string url)
    {
        this.process = process;
        Url = url;
    }

    public string Url { get; }

    public int ProcessId => process.Id;

    /// <summary>The last lines the server printed (for error reports).</summary>
    public string OutputTail
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the server with <paramref name="settings"/> (configuration keys, passed as environment) and waits until /api/health answers.</summary>
    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VoiceMemory.SelfHost.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Each server gets its own metrics listener, so two servers on one machine never contend for the default port.
        start.Environment["VoiceMemory__Metrics__Url"] = $"http://127.0.0.1:{LoopbackPort.Free()}";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, url);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilHealthyAsync(server, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>A graceful stop (SIGTERM), as a service manager would; killed if it takes longer than a minute.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private static async Task WaitUntilHealthyAsync(ServerProcess server, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (server.process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {server.process.ExitCode}:\n{server.OutputTail}");
            }

            try
            {
                using var response = await http.GetAsync(server.Url + "/api/health", cancellationToken);
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"the server did not start:\n{server.OutputTail}");
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
            if (output.Length > OutputTailChars * 2)
            {
                output.Remove(0, output.Length - OutputTailChars);
            }
        }
    }
}
