using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Llm;
using VoiceMemory.Llm.OpenAi;

namespace VoiceMemory.Tests.Providers;

public sealed class OpenAiChatModelTests
{
    private static readonly ChatPrompt Prompt = new(
        [new PromptMessage(PromptRole.System, "You are kind."), new PromptMessage(PromptRole.User, "Hi, I am Ana."), new PromptMessage(PromptRole.Assistant, "Hello!"), new PromptMessage(PromptRole.User, "Who am I?")],
        MaxOutputTokens: 120,
        Temperature: 0.5f);

    [Fact]
    public async Task Complete_PostsChatCompletionsToTheV1EndpointWithKey_ReturnsTheText()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "You are Ana."));
        using var provider = Build(server, path: "openai/v1/");
        var model = Primary(provider);

        var completion = await model.CompleteAsync(Prompt, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer llm-key", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("chat-deployment", root.GetProperty("model").GetString());
        Assert.Equal(["system", "user", "assistant", "user"], root.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()!).ToArray());
        Assert.Equal("Who am I?", root.GetProperty("messages")[3].GetProperty("content").GetString());
        Assert.Equal(120, root.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal(0.5, root.GetProperty("temperature").GetDouble(), 3);

        Assert.Equal("primary", model.Name);
        Assert.Equal("You are Ana.", completion.Text);
        Assert.Equal(ChatFinish.Stop, completion.Finish);
        Assert.Equal("gpt-4o-mini-2024-07-18", completion.Model);
    }

    [Fact]
    public async Task Complete_RecordsTokenUsage_AsTheGenAiMetric()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<(long Tokens, string? Type)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == VoiceMemory.Telemetry.VoiceMemoryTelemetry.Name && instrument.Name == "gen_ai.client.token.usage")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? type = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "gen_ai.token.type")
                {
                    type = tag.Value as string;
                }
            }

            seen.Add((value, type));
        });
        listener.Start();
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "You are Ana."));
        using var provider = Build(server);

        await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Contains((12L, "input"), seen);
        Assert.Contains((5L, "output"), seen);
    }

    [Fact]
    public async Task Complete_FinishReasonContentFilter_IsASafetyOutcomeNotAnError()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, null, "content_filter"));
        using var provider = Build(server);

        var completion = await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(ChatFinish.ContentFilter, completion.Finish);
        Assert.Equal(string.Empty, completion.Text);
    }

    [Fact]
    public async Task Complete_Http400ContentFilter_IsASafetyOutcomeNotAnError()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 400, OpenAiResponses.ContentFilterError));
        using var provider = Build(server);

        var completion = await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(ChatFinish.ContentFilter, completion.Finish);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Complete_FinishReasonLength_IsReportedWithTheText()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "You are", "length"));
        using var provider = Build(server);

        var completion = await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal(ChatFinish.Length, completion.Finish);
        Assert.Equal("You are", completion.Text);
    }

    [Theory]
    [InlineData(400, "invalid_request_error", ChatFailure.BadRequest, 1)]
    [InlineData(401, "invalid_api_key", ChatFailure.Unauthorized, 1)]
    [InlineData(403, "PermissionDenied", ChatFailure.Unauthorized, 1)]
    [InlineData(404, "DeploymentNotFound", ChatFailure.BadRequest, 1)]
    [InlineData(408, "timeout", ChatFailure.Timeout, 2)]
    [InlineData(500, "server_error", ChatFailure.Unavailable, 2)]
    [InlineData(503, "ServiceUnavailable", ChatFailure.Unavailable, 2)]
    public async Task Complete_ErrorStatuses_ThrowTypedFailuresWithoutSdkRetriesOnTop(int status, string code, ChatFailure failure, int requests)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, status, code));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(failure, error.Failure);
        // MaxAttempts is 2: the SDK's own retry is off, so attempts do not multiply.
        Assert.Equal(requests, server.Count);
    }

    [Fact]
    public async Task Complete_429OverTheRetryAfterCap_ThrowsThrottledWithTheHintAtOnce()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 429, "429", retryAfter: "30"));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.Throttled, error.Failure);
        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
        Assert.Equal("provider_throttled", error.Code);
        Assert.Equal(1, server.Count);
    }

    [Fact]
    public async Task Complete_429WithShortRetryAfter_WaitsTheHintAndSucceeds()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
            Interlocked.Increment(ref calls) == 1 ? OpenAiResponses.Error(ctx, 429, "429", retryAfter: "1") : OpenAiResponses.Chat(ctx, "Later."));
        using var provider = Build(server);

        var completion = await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Equal("Later.", completion.Text);
        Assert.Equal(2, server.Count);
        Assert.True(server.GapBeforeSecondRequest() >= TimeSpan.FromMilliseconds(950), $"waited {server.GapBeforeSecondRequest()}");
    }

    [Fact]
    public async Task Complete_RetryAfterMsHeader_IsHonoured()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                ctx.Response.Headers["retry-after-ms"] = "800";
                return OpenAiResponses.Error(ctx, 429, "429");
            }

            return OpenAiResponses.Chat(ctx, "Ok.");
        });
        using var provider = Build(server);

        await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.True(server.GapBeforeSecondRequest() >= TimeSpan.FromMilliseconds(750), $"waited {server.GapBeforeSecondRequest()}");
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"id":"x","choices":"nope"}""")]
    public async Task Complete_MalformedBody_ThrowsBadResponse(string body)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 200, body));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.BadResponse, error.Failure);
    }

    [Fact]
    public async Task Complete_EmptyAnswer_ThrowsBadResponse()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "  "));
        using var provider = Build(server);

        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.BadResponse, error.Failure);
    }

    [Fact]
    public async Task Complete_SlowerThanTheTimeout_ThrowsTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(6), ctx.RequestAborted);
            await OpenAiResponses.Chat(ctx, "late");
        });
        using var provider = Build(server, extra: new() { ["VoiceMemory:Llm:TimeoutSeconds"] = "1", ["VoiceMemory:Llm:MaxAttempts"] = "1" });

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.Timeout, error.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Complete_UnreachableEndpoint_ThrowsUnavailable()
    {
        Uri dead;
        await using (var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "x")))
        {
            dead = server.BaseUri;
        }

        using var provider = ProviderTestHost.Build(Settings(dead, "llm-key"));

        var error = await Assert.ThrowsAsync<ChatModelException>(() => Primary(provider).CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.Unavailable, error.Failure);
    }

    [Fact]
    public async Task Complete_RepeatedFailures_OpenTheCircuitAndFailFast()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 500, "server_error"));
        using var provider = Build(server, extra: new()
        {
            ["VoiceMemory:Llm:MaxAttempts"] = "1",
            ["VoiceMemory:Llm:Resilience:MinimumThroughput"] = "2",
            ["VoiceMemory:Llm:Resilience:FailureRatio"] = "1",
        });
        var model = Primary(provider);

        await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(Prompt, CancellationToken.None));
        await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(Prompt, CancellationToken.None));
        var watch = Stopwatch.StartNew();
        var open = await Assert.ThrowsAsync<ChatModelException>(() => model.CompleteAsync(Prompt, CancellationToken.None));

        Assert.Equal(ChatFailure.CircuitOpen, open.Failure);
        Assert.Equal(2, server.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Complete_AzureHostWithoutKey_SendsEntraBearerTokenForTheCognitiveServicesScope()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "ok"));
        var credential = new FakeTokenCredential("llm-entra-token");
        // The SDK sends tokens only over https: the request leaves for the Azure host and is redirected to loopback below it.
        var settings = Settings(new Uri("https://contoso.openai.azure.com/openai/v1/"), apiKey: null);
        using var provider = ProviderTestHost.Build(settings, credential: credential, after: services => services
            .AddHttpClient(Http.ProviderNames.HttpClientName(Http.ProviderNames.LlmPrimary))
            .ConfigurePrimaryHttpMessageHandler(() => new RedirectToLoopbackHandler(server.BaseUri)));

        await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal("Bearer llm-entra-token", request.Header("Authorization"));
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task Complete_NoKeyOnANonAzureHost_SendsNoCredentials()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "ok"));
        var credential = new FakeTokenCredential();
        using var provider = ProviderTestHost.Build(Settings(server.BaseUri, apiKey: null), credential: credential);

        await Primary(provider).CompleteAsync(Prompt, CancellationToken.None);

        Assert.Null(Assert.Single(server.Requests).Header("Authorization"));
        Assert.Empty(credential.Scopes);
    }

    [Theory]
    [InlineData("Auto", "key", "http://127.0.0.1:1/v1/", "ApiKey")]
    [InlineData("Auto", null, "https://res.openai.azure.com/openai/v1/", "Entra")]
    [InlineData("Auto", null, "https://res.cognitiveservices.azure.com/openai/v1/", "Entra")]
    [InlineData("Auto", null, "https://proj.services.ai.azure.com/openai/v1/", "Entra")]
    [InlineData("Auto", null, "http://localhost:8080/v1/", "None")]
    [InlineData("Entra", "key", "http://localhost:8080/v1/", "Entra")]
    [InlineData("None", "key", "https://res.openai.azure.com/openai/v1/", "None")]
    public void ResolveAuth_PicksKeyThenEntraForAzureHostsThenNone(string mode, string? key, string endpoint, string expected)
    {
        var resolved = OpenAiAuth.Resolve(Enum.Parse<Configuration.LlmAuthMode>(mode), key, new Uri(endpoint));

        Assert.Equal(Enum.Parse<Configuration.LlmAuthMode>(expected), resolved);
    }

    internal static IChatModel Primary(ServiceProvider provider) => provider.GetRequiredService<ChatModelChain>().Links[0];

    internal static Dictionary<string, string?> Settings(Uri endpoint, string? apiKey) => ProviderTestHost.Fast("Llm", new Dictionary<string, string?>
    {
        ["VoiceMemory:Llm:Endpoint"] = endpoint.ToString(),
        ["VoiceMemory:Llm:ApiKey"] = apiKey,
        ["VoiceMemory:Llm:Model"] = "chat-deployment",
        ["VoiceMemory:Llm:MaxAttempts"] = "2",
        ["VoiceMemory:Llm:TimeoutSeconds"] = "10",
    });

    private static ServiceProvider Build(LoopbackServer server, string path = "v1/", Dictionary<string, string?>? extra = null)
    {
        var settings = Settings(new Uri(server.BaseUri, path), "llm-key");
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return ProviderTestHost.Build(settings);
    }
}
