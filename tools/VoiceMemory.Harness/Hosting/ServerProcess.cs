using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace VoiceMemory.Harness.Hosting;

/// <summary>
/// The real server as a separate process (<c>dotnet VoiceMemory.SelfHost.dll --urls http://127.0.0.1:port</c>), its
/// output appended to a log file. It can be killed with SIGKILL, stopped with SIGTERM, and its resident memory read.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StreamWriter log;
    private readonly Lock logLock = new();

    private ServerProcess(Process process, StreamWriter log, string url)
    {
        this.process = process;
        this.log = log;
        Url = url;
    }

    public string Url { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>How long the last start took until /api/health answered.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<ServerProcess> StartAsync(ServerLaunch launch, int port, string logPath, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(launch.ServerDll)!,
        };
        foreach (var argument in new[] { launch.ServerDll, "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }

        // Each server gets its own metrics listener, so two servers on one machine never contend for the default port.
        start.Environment["VoiceMemory__Metrics__Url"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort.Next()}");
        foreach (var (key, value) in launch.Environment())
        {
            start.Environment[key] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        // Flushed line by line: a crashed server's last words must reach the file.
        var writer = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        var server = new ServerProcess(process, writer, url);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"the server exited with {process.ExitCode}; see {logPath}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(url + "/api/health"));
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    server.StartupTime = stopwatch.Elapsed;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(50);
        }

        await server.DisposeAsync();
        throw new TimeoutException($"the server did not answer /api/health in time; see {logPath}");
    }

    /// <summary>VmRSS of the server process in KiB, or null once it has exited.</summary>
    public long? ResidentKilobytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process is gone.
        }

        return null;
    }

    /// <summary>SIGKILL (kill -9) of the server and any engine it is running: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        Flush();
    }

    /// <summary>SIGTERM, as a service manager stops it; waits for a graceful exit.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        await ProcessOutput.RunAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }

        Flush();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lock (logLock)
        {
            log.Dispose();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (logLock)
        {
            log.WriteLine(line);
        }
    }

    private void Flush()
    {
        lock (logLock)
        {
            log.Flush();
        }
    }
}
