using VoiceMemory.Harness.Client;

namespace VoiceMemory.Harness.Hosting;

/// <summary>
/// The server of one scenario: one data root, one loopback port kept across restarts (so clients keep their base
/// URL), one log file that every start appends to.
/// </summary>
internal sealed class ManagedServer(ServerLaunch launch, string logPath) : IAsyncDisposable
{
    private readonly int port = FreePort.Next();

    public ServerProcess? Current { get; private set; }

    public ServerLaunch Launch => launch;

    public string LogPath => logPath;

    public string Url => $"http://127.0.0.1:{port}";

    public int Starts { get; private set; }

    public async Task StartAsync()
    {
        if (Current is { HasExited: false })
        {
            throw new InvalidOperationException("the server is already running");
        }

        Current = await ServerProcess.StartAsync(launch, port, logPath);
        Starts++;
    }

    public async Task KillAsync()
    {
        if (Current is { } server)
        {
            await server.KillAsync();
            await server.DisposeAsync();
            Current = null;
        }
    }

    public async Task StopAsync()
    {
        if (Current is { } server)
        {
            await server.StopAsync();
            await server.DisposeAsync();
            Current = null;
        }
    }

    public ApiClient Api(HttpClient http, TrafficCounters counters) => new(http, Url, counters);

    public async ValueTask DisposeAsync() => await StopAsync();
}
