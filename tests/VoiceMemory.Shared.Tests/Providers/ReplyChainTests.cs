using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Llm;

namespace VoiceMemory.Tests.Providers;

/// <summary>The links of the reply chain, with the real OpenAI SDK against two loopback servers, behave as the chain needs.</summary>
public sealed class ReplyChainTests
{
    private static readonly ChatPrompt Prompt = new([new PromptMessage(PromptRole.User, "What is my name?")], 100);

    [Fact]
    public async Task PrimaryThrottled_BackupAnswers()
    {
        await using var primary = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 429, "429", retryAfter: "60"));
        await using var backup = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "Your name is Ana.", model: "backup-model"));
        using var provider = ProviderTestHost.Build(Settings(primary, backup));
        var chain = provider.GetRequiredService<ChatModelChain>();

        var (answer, failures) = await WalkAsync(chain);

        Assert.Equal(["primary", "backup"], chain.Links.Select(l => l.Name).ToArray());
        Assert.Equal("Your name is Ana.", answer?.Text);
        Assert.Equal("backup-model", answer?.Model);
        var throttled = Assert.Single(failures);
        Assert.Equal(ChatFailure.Throttled, throttled.Failure);
        Assert.Equal(TimeSpan.FromSeconds(60), throttled.RetryAfter);
        Assert.Equal(1, primary.Count);
        Assert.Equal(1, backup.Count);
        Assert.Equal("backup-deployment", System.Text.Json.JsonDocument.Parse(Assert.Single(backup.Requests).Body).RootElement.GetProperty("model").GetString());
        Assert.Equal("Bearer backup-key", Assert.Single(backup.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task BothDown_EachLinkThrowsSoTheFallbackResponderRuns()
    {
        await using var primary = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 503, "ServiceUnavailable"));
        await using var backup = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 503, "ServiceUnavailable"));
        using var provider = ProviderTestHost.Build(Settings(primary, backup));

        var (answer, failures) = await WalkAsync(provider.GetRequiredService<ChatModelChain>());

        Assert.Null(answer);
        Assert.Equal([ChatFailure.Unavailable, ChatFailure.Unavailable], failures.Select(f => f.Failure).ToArray());
        Assert.All(failures, f => Assert.True(f.IsTransient));
        Assert.Equal(2, primary.Count);
        Assert.Equal(2, backup.Count);
    }

    [Fact]
    public async Task PrimaryRefuses_ContentFilterIsReturnedAndTheBackupIsNotAsked()
    {
        await using var primary = await LoopbackServer.StartAsync((ctx, _) => AzureFastTranscriptionTests.Json(ctx, 400, OpenAiResponses.ContentFilterError));
        await using var backup = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, "should not be asked"));
        using var provider = ProviderTestHost.Build(Settings(primary, backup));

        var (answer, failures) = await WalkAsync(provider.GetRequiredService<ChatModelChain>());

        Assert.Equal(ChatFinish.ContentFilter, answer?.Finish);
        Assert.Empty(failures);
        Assert.Equal(0, backup.Count);
    }

    [Fact]
    public void NoEndpoint_TheChainIsEmpty()
    {
        using var provider = ProviderTestHost.Build(new Dictionary<string, string?>());

        Assert.Same(ChatModelChain.Empty, provider.GetRequiredService<ChatModelChain>());
    }

    // The reply chain's walk as the respond step does it: the first answer (or refusal) wins; a failure moves on.
    private static async Task<(ChatCompletion? Answer, List<ChatModelException> Failures)> WalkAsync(ChatModelChain chain)
    {
        var failures = new List<ChatModelException>();
        foreach (var link in chain.Links)
        {
            try
            {
                return (await link.CompleteAsync(Prompt, CancellationToken.None), failures);
            }
            catch (ChatModelException e)
            {
                failures.Add(e);
            }
        }

        return (null, failures);
    }

    private static Dictionary<string, string?> Settings(LoopbackServer primary, LoopbackServer backup)
    {
        var settings = OpenAiChatModelTests.Settings(new Uri(primary.BaseUri, "openai/v1/"), "primary-key");
        settings["VoiceMemory:Llm:BackupEndpoint"] = new Uri(backup.BaseUri, "openai/v1/").ToString();
        settings["VoiceMemory:Llm:BackupApiKey"] = "backup-key";
        settings["VoiceMemory:Llm:BackupModel"] = "backup-deployment";
        return settings;
    }
}
