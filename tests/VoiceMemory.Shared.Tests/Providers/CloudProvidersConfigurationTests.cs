using Azure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Http;
using VoiceMemory.Llm;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Speech;
using VoiceMemory.Speech.Azure;

namespace VoiceMemory.Tests.Providers;

public sealed class CloudProvidersConfigurationTests
{
    public static TheoryData<Dictionary<string, string?>, string> InvalidSettings => new()
    {
        { new() { ["VoiceMemory:Speech:Provider"] = "Azure", ["VoiceMemory:Speech:Region"] = "eastus", ["VoiceMemory:Speech:ApiKey"] = "k" }, "VoiceMemory:Speech:Endpoint is required when VoiceMemory:Speech:Provider is Azure" },
        { new() { ["VoiceMemory:Speech:Provider"] = "Azure", ["VoiceMemory:Speech:Endpoint"] = "https://s.cognitiveservices.azure.com/", ["VoiceMemory:Speech:ApiKey"] = "k" }, "VoiceMemory:Speech:Region or VoiceMemory:Speech:TtsEndpoint is required" },
        { new() { ["VoiceMemory:Speech:Provider"] = "Azure", ["VoiceMemory:Speech:Endpoint"] = "https://eastus.api.cognitive.microsoft.com/", ["VoiceMemory:Speech:Region"] = "eastus", ["VoiceMemory:Speech:ResourceId"] = "/subscriptions/x" }, "regional endpoint, which does not take Microsoft Entra tokens" },
        { new() { ["VoiceMemory:Speech:Provider"] = "Azure", ["VoiceMemory:Speech:Endpoint"] = "https://s.cognitiveservices.azure.com/", ["VoiceMemory:Speech:Region"] = "eastus" }, "needs VoiceMemory:Speech:ResourceId" },
        { new() { ["VoiceMemory:Speech:Provider"] = "Azure", ["VoiceMemory:Speech:Endpoint"] = "https://s.cognitiveservices.azure.com/", ["VoiceMemory:Speech:Region"] = "eastus", ["VoiceMemory:Speech:ApiKey"] = "k", ["VoiceMemory:Speech:OutputFormat"] = "riff-24khz-16bit-mono-pcm" }, "must be an MP3 format" },
        { new() { ["VoiceMemory:Speech:TimeoutSeconds"] = "0" }, "TimeoutSeconds" },
        { new() { ["VoiceMemory:Llm:BackupEndpoint"] = "https://b.openai.azure.com/openai/v1/", ["VoiceMemory:Llm:BackupModel"] = "m" }, "a backup needs a primary endpoint" },
        { new() { ["VoiceMemory:Llm:Endpoint"] = "not a uri", ["VoiceMemory:Llm:Model"] = "m" }, "VoiceMemory:Llm:Endpoint must be an absolute http(s) URI" },
        { new() { ["VoiceMemory:Llm:Endpoint"] = "ftp://host/v1/", ["VoiceMemory:Llm:Model"] = "m" }, "VoiceMemory:Llm:Endpoint must be an absolute http(s) URI" },
        { new() { ["VoiceMemory:Llm:Endpoint"] = "https://a.openai.azure.com/openai/v1/" }, "VoiceMemory:Llm:Model is required" },
        { new() { ["VoiceMemory:Llm:Endpoint"] = "https://a.openai.azure.com/openai/v1/", ["VoiceMemory:Llm:Model"] = "m", ["VoiceMemory:Llm:Auth"] = "ApiKey" }, "VoiceMemory:Llm:ApiKey is not set" },
        { new() { ["VoiceMemory:Llm:Endpoint"] = "http://a.openai.azure.com/openai/v1/", ["VoiceMemory:Llm:Model"] = "m" }, "must use https with Microsoft Entra auth" },
        { new() { ["VoiceMemory:Llm:EmbeddingModel"] = "e" }, "EmbeddingModel is set without VoiceMemory:Llm:Endpoint" },
        { new() { ["VoiceMemory:Llm:Resilience:FailureRatio"] = "3" }, "VoiceMemory:Llm:Resilience" },
        { new() { ["VoiceMemory:Safety:Provider"] = "Azure" }, "VoiceMemory:Safety:Endpoint is required when VoiceMemory:Safety:Provider is Azure" },
        { new() { ["VoiceMemory:Safety:Thresholds:Hate"] = "9" }, "must be a severity from 0 to 7 (got 9)" },
        { new() { ["VoiceMemory:Safety:Thresholds:Spam"] = "2" }, "VoiceMemory:Safety:Thresholds:Spam is not a Content Safety category" },
        { new() { ["VoiceMemory:Safety:Provider"] = "Azure", ["VoiceMemory:Safety:Endpoint"] = "https://eastus.api.cognitive.microsoft.com/" }, "regional endpoint, which does not take Microsoft Entra tokens" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Start_WithMissingOrContradictorySettings_FailsWithAClearMessage(Dictionary<string, string?> settings, string expected)
    {
        using var provider = ProviderTestHost.Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Start_WithEverythingAzure_ValidatesAndRegistersEachProvider()
    {
        using var provider = ProviderTestHost.Build(new Dictionary<string, string?>
        {
            ["VoiceMemory:Speech:Provider"] = "Azure",
            ["VoiceMemory:Speech:Endpoint"] = "https://speech1.cognitiveservices.azure.com/",
            ["VoiceMemory:Speech:Region"] = "eastus",
            ["VoiceMemory:Speech:ResourceId"] = "/subscriptions/s/resourceGroups/g/providers/Microsoft.CognitiveServices/accounts/speech1",
            ["VoiceMemory:Llm:Endpoint"] = "https://res.openai.azure.com/openai/v1/",
            ["VoiceMemory:Llm:Model"] = "gpt-4o-mini",
            ["VoiceMemory:Llm:BackupEndpoint"] = "https://res2.openai.azure.com/openai/v1/",
            ["VoiceMemory:Llm:EmbeddingModel"] = "text-embedding-3-small",
            ["VoiceMemory:Safety:Provider"] = "Azure",
            ["VoiceMemory:Safety:Endpoint"] = "https://safety1.cognitiveservices.azure.com/",
        }, credential: new FakeTokenCredential());

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<AzureFastTranscription>(provider.GetRequiredService<ISpeechToText>());
        Assert.IsType<AzureTextToSpeech>(provider.GetRequiredService<ITextToSpeech>());
        Assert.IsType<CompositeSafetyScreen>(provider.GetRequiredService<ISafetyScreen>());
        Assert.IsType<LlmFactExtractor>(provider.GetRequiredService<IFactExtractor>());
        Assert.IsType<OpenAiTextEmbedder>(provider.GetRequiredService<ITextEmbedder>());
        Assert.Equal(["primary", "backup"], provider.GetRequiredService<ChatModelChain>().Links.Select(l => l.Name).ToArray());
        var checks = provider.GetServices<IDependencyCheck>().ToDictionary(c => c.Name, c => c.Critical);
        Assert.Equal(
            new Dictionary<string, bool>
            {
                [ProviderNames.SpeechToText] = true,
                [ProviderNames.TextToSpeech] = true,
                [ProviderNames.LlmPrimary] = false,
                [ProviderNames.LlmBackup] = false,
                [ProviderNames.ContentSafety] = false,
            },
            checks);
    }

    [Fact]
    public async Task Start_WithNothingConfigured_UsesTheKeyedOfflineFallbacks()
    {
        var lexicon = new StubLexicon(SafetyVerdict.Clear("lexicon"));
        var heuristic = new StubExtractor([]);
        using var provider = ProviderTestHost.Build(new Dictionary<string, string?>(), lexicon, heuristic);

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Same(lexicon, provider.GetRequiredService<ISafetyScreen>());
        Assert.Same(heuristic, provider.GetRequiredService<IFactExtractor>());
        Assert.Same(ChatModelChain.Empty, provider.GetRequiredService<ChatModelChain>());
        Assert.Null(provider.GetService<ISpeechToText>());
        Assert.Null(provider.GetService<ITextEmbedder>());
        Assert.Empty(provider.GetServices<IDependencyCheck>());
        var health = await new ProviderHealthCheck(new ProviderChannel("x", ResilienceSettings.From(1, 1, new ResilienceOptions()), TimeProvider.System), false).CheckAsync(CancellationToken.None);
        Assert.Equal(HealthState.Healthy, health.Status);
        Assert.Equal("configured; no calls yet", health.Detail);
    }

    [Fact]
    public void Resolve_WithoutTheKeyedLexicon_ExplainsTheContract()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddVoiceMemoryCloudProviders(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISafetyScreen>());

        Assert.Contains("keyed ISafetyScreen service \"lexicon\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddVoiceMemoryCloudProviders(configuration);
        var count = services.Count;

        services.AddVoiceMemoryCloudProviders(configuration);

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void Credential_WithAClientId_IsTheUserAssignedManagedIdentity()
    {
        var credential = AzureCredentialFactory.Create(new IdentityOptions { ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" }, _ => null);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }

    [Fact]
    public void Credential_FromAzureClientIdAlone_IsManagedIdentity_ButWithASecretItIsDefault()
    {
        Assert.IsType<ManagedIdentityCredential>(AzureCredentialFactory.Create(new IdentityOptions(), n => n == "AZURE_CLIENT_ID" ? "id" : null));
        Assert.IsType<DefaultAzureCredential>(AzureCredentialFactory.Create(new IdentityOptions(), n => n is "AZURE_CLIENT_ID" or "AZURE_CLIENT_SECRET" ? "x" : null));
        Assert.IsType<DefaultAzureCredential>(AzureCredentialFactory.Create(new IdentityOptions(), _ => null));
    }
}
