using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// A loopback OpenAI-compatible server (POST {base}/chat/completions), so the real OpenAI SDK adapter is exercised.
/// It counts calls, can hold a call open until released, and answers with a fixed text.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private FakeChatServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public int Calls => Volatile.Read(ref calls);

    /// <summary>When set, each call waits for it (the test releases it) — a slow model.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completes when the first call arrives.</summary>
    public TaskCompletionSource FirstCall { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string ReplyText { get; set; } = "That is lovely to hear.";

    public static async Task<FakeChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeChatServer(app);
        app.MapPost("/v1/chat/completions", (Delegate)server.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1/";
        return server;
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        Interlocked.Increment(ref calls);
        FirstCall.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(context.RequestAborted);
        }

        using var request = await JsonDocument.ParseAsync(context.Request.Body);
        var model = request.RootElement.TryGetProperty("model", out var m) ? m.GetString() : "fake";
        return Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = ReplyText }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 10, completion_tokens = 5, total_tokens = 15 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        Gate?.TrySetResult();
        await app.DisposeAsync();
    }
}
