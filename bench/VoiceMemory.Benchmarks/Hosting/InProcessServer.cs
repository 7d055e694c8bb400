using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.SelfHost.Hosting;
using VoiceMemory.Storage;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>
/// The real self-host server (Kestrel on loopback, SQLite, files, the offline engines) inside this process, so the
/// benchmark can listen to its <c>VoiceMemory</c> spans.
/// </summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private InProcessServer(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    public static async Task<InProcessServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var args = new List<string> { "--urls", url };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        // The server's console log goes to standard error here, so standard output holds only the summary.
        args.Add("--Logging:Console:LogToStandardErrorThreshold=Trace");
        var app = ServerApp.Build([.. args]);
        await app.StartAsync(cancellationToken);
        return new InProcessServer(app, url);
    }

    public Task<IReadOnlyList<BenchUser>> AddUsersAsync(int count, CancellationToken cancellationToken) =>
        BenchUsers.AddAsync(app.Services.GetRequiredService<IUserStore>(), count, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
