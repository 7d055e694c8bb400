using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceMemory.Tests.Providers;

/// <summary>A Kestrel server on 127.0.0.1 that stands in for a cloud service and records every request it gets.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private LoopbackServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public int Count => Requests.Count;

    /// <summary>Time between the arrival of the first and the second request (a retry's wait, measured where it happens).</summary>
    public TimeSpan GapBeforeSecondRequest()
    {
        var requests = Requests.ToArray();
        return System.Diagnostics.Stopwatch.GetElapsedTime(requests[0].ArrivedAt, requests[1].ArrivedAt);
    }

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, RecordedRequest, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(async context =>
        {
            var recorded = await RecordedRequest.ReadAsync(context);
            server!.Requests.Enqueue(recorded);
            await respond(context, recorded);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
