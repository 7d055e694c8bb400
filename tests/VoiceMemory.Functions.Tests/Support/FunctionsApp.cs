using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Maintenance;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Speech;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>
/// The Functions app composed as Program.cs composes it (shared core, Azure storage on Azurite under a prefix of its
/// own, the host's services), its function classes resolved from that container and called with real
/// <see cref="HttpContext"/>s, and the turn orchestration running under the in-process Durable host with the same
/// container's activities. Speech providers (cloud services not reachable here) are mocks.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    private FunctionsApp(ServiceProvider services, DurableTaskTestHost durable, AzureStorageLayout layout, HostTables tables, ManualTimeProvider time, Mock<ISpeechToText> stt, Mock<ITextToSpeech> tts)
    {
        Stt = stt;
        Tts = tts;
        Services = services;
        Durable = durable;
        Layout = layout;
        Tables = tables;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public DurableTaskTestHost Durable { get; }

    public DurableTaskClient Client => Durable.Client;

    public AzureStorageLayout Layout { get; }

    public HostTables Tables { get; }

    public ManualTimeProvider Time { get; }

    public Mock<ISpeechToText> Stt { get; }

    public Mock<ITextToSpeech> Tts { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<FunctionsApp> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var prefix = "f" + Guid.NewGuid().ToString("N")[..12];
        var layout = AzureStorageLayout.WithPrefix(prefix);
        var values = new Dictionary<string, string?>
        {
            ["WEBSITE_AUTH_ENABLED"] = "True",
            ["VoiceMemory:Storage:ConnectionString"] = TestStorage.ConnectionString,
            ["VoiceMemory:Speech:Provider"] = "Azure",
            ["VoiceMemory:Speech:Endpoint"] = "http://127.0.0.1:9/",
            ["VoiceMemory:Speech:Region"] = "westus",
            ["VoiceMemory:Speech:ApiKey"] = "test-key-not-a-secret",
            ["VoiceMemory:Limits:RequestsPerMinute"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var tables = new HostTables(new TableServiceClient(TestStorage.ConnectionString), prefix);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(layout);
        services.AddSingleton(tables);
        configure?.Invoke(services);
        services.AddVoiceMemoryCore(configuration);
        services.AddVoiceMemoryAzureStorage(configuration);

        services.AddVoiceMemoryFunctionsHost(configuration);
        services.AddSingleton<TurnFunctions>();
        services.AddSingleton<MemoryFunctions>();
        services.AddSingleton<HealthFunction>();
        services.AddSingleton<MaintenanceFunctions>();
        services.AddSingleton<TurnActivityFunctions>();

        var stt = new Mock<ISpeechToText>();
        var tts = new Mock<ITextToSpeech>();
        tts.Setup(t => t.SynthesizeAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SynthesizedSpeech([0xFF, 0xF3, 0x44, 0xC4], "audio/mpeg", ".mp3"));
        services.AddSingleton(stt.Object);
        services.AddSingleton(tts.Object);

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<AzureStorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        var durable = await DurableTaskTestHost.StartAsync(
            registry => TurnTasks.Register(registry, provider.GetRequiredService<TurnActivityFunctions>),
            new DurableTaskTestHostOptions { Port = FreePort.Next() });
        return new FunctionsApp(provider, durable, layout, tables, time, stt, tts);
    }

    /// <summary>A request as the Functions host hands it over (ASP.NET Core integration).</summary>
    public HttpRequest Request(string method, string path, string? principal = null, byte[]? body = null, string? contentType = null, IDictionary<string, string>? headers = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        var request = context.Request;
        request.Method = method;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        request.Path = query < 0 ? path : path[..query];
        request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
        if (principal is not null)
        {
            request.Headers[CallerResolver.PrincipalHeader] = principal;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        if (body is not null)
        {
            request.Body = new MemoryStream(body);
            request.ContentLength = body.Length;
        }

        if (contentType is not null)
        {
            request.ContentType = contentType;
        }

        context.Response.Body = new MemoryStream();
        return request;
    }

    /// <summary>Runs a function's result against its request's response and reads it back.</summary>
    public static async Task<Answer> ExecuteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        var body = (MemoryStream)context.Response.Body;
        return new Answer(context.Response.StatusCode, context.Response.Headers, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    public BlobServiceClient Blobs() => new(TestStorage.ConnectionString);

    public TableServiceClient TableService() => new(TestStorage.ConnectionString);

    /// <summary>Submits a typed turn through the submit function and waits for its orchestration to finish; returns the turn id.</summary>
    public async Task<string> TypedTurnAsync(string user, string text)
    {
        var request = Request("POST", "/api/v1/turns", Principal.For(user), Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
        var answer = await ExecuteAsync(request, await Get<TurnFunctions>().SubmitAsync(request, Client));
        var turnId = answer.Json.GetProperty("turnId").GetString()!;
        await WaitAsync(turnId);
        return turnId;
    }

    public async Task<Microsoft.DurableTask.Client.OrchestrationMetadata> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Calls an authenticated function as <paramref name="user"/>.</summary>
    public async Task<Answer> CallAsync(string method, string path, string user, Func<HttpRequest, Task<IActionResult>> function)
    {
        var request = Request(method, path, Principal.For(user));
        return await ExecuteAsync(request, await function(request));
    }

    public async ValueTask DisposeAsync()
    {
        await Durable.DisposeAsync();
        await Services.DisposeAsync();
    }
}

/// <summary>What a function answered.</summary>
internal sealed record Answer(int Status, IHeaderDictionary Headers, string? ContentType, string Body)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Body).RootElement;

    public string? Code => Json.TryGetProperty("code", out var code) ? code.GetString() : null;
}
