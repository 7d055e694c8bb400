using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.SelfHost.Hosting;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.Speech;

namespace VoiceMemory.SelfHost.Tests.Hosting;

/// <summary>The self-host runs any mix of offline and Azure providers, chosen by configuration alone.</summary>
public sealed class ProviderSelectionTests
{
    private static ServiceProvider Compose(Dictionary<string, string?> settings)
    {
        settings.TryAdd("VoiceMemory:DataRoot", Directory.CreateTempSubdirectory("vm-compose-").FullName);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddVoiceMemorySelfHost(configuration);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Defaults_AreTheOfflineEnginesLexiconHeuristicsAndNoLlm()
    {
        using var provider = Compose([]);

        Assert.IsType<PocketSphinxSpeechToText>(provider.GetRequiredService<ISpeechToText>());
        Assert.IsType<OfflineTextToSpeech>(provider.GetRequiredService<ITextToSpeech>());
        Assert.IsType<LexiconSafetyScreen>(provider.GetRequiredService<ISafetyScreen>());
        Assert.IsType<HeuristicFactExtractor>(provider.GetRequiredService<IFactExtractor>());
        Assert.Empty(provider.GetRequiredService<ChatModelChain>().Links);
    }

    [Fact]
    public void AzureEverything_SelectsTheAzureAdaptersAndBothLlmLinks()
    {
        using var provider = Compose(new()
        {
            ["VoiceMemory:Speech:Provider"] = "Azure",
            ["VoiceMemory:Speech:Endpoint"] = "https://speech-test.cognitiveservices.azure.com/",
            ["VoiceMemory:Speech:Region"] = "westeurope",
            ["VoiceMemory:Speech:ApiKey"] = "speech-key",
            ["VoiceMemory:Llm:Endpoint"] = "https://llm-test.openai.azure.com/openai/v1/",
            ["VoiceMemory:Llm:ApiKey"] = "llm-key",
            ["VoiceMemory:Llm:Model"] = "gpt-4o-mini",
            ["VoiceMemory:Llm:BackupEndpoint"] = "http://127.0.0.1:11434/v1/",
            ["VoiceMemory:Llm:BackupModel"] = "llama3",
            ["VoiceMemory:Llm:EmbeddingModel"] = "text-embedding-3-small",
            ["VoiceMemory:Safety:Provider"] = "Azure",
            ["VoiceMemory:Safety:Endpoint"] = "https://safety-test.cognitiveservices.azure.com/",
            ["VoiceMemory:Safety:ApiKey"] = "safety-key",
        });

        Assert.Equal("AzureFastTranscription", provider.GetRequiredService<ISpeechToText>().GetType().Name);
        Assert.Equal("AzureTextToSpeech", provider.GetRequiredService<ITextToSpeech>().GetType().Name);
        Assert.Equal("CompositeSafetyScreen", provider.GetRequiredService<ISafetyScreen>().GetType().Name);
        Assert.Equal("LlmFactExtractor", provider.GetRequiredService<IFactExtractor>().GetType().Name);
        Assert.NotNull(provider.GetService<ITextEmbedder>());
        Assert.Equal(["primary", "backup"], provider.GetRequiredService<ChatModelChain>().Links.Select(l => l.Name));
    }

    [Fact]
    public void Mix_OfflineSpeechWithAzureSafetyAndALocalLlm()
    {
        using var provider = Compose(new()
        {
            ["VoiceMemory:Llm:Endpoint"] = "http://127.0.0.1:11434/v1/",
            ["VoiceMemory:Llm:Model"] = "llama3",
            ["VoiceMemory:Llm:ExtractFacts"] = "false",
            ["VoiceMemory:Safety:Provider"] = "Azure",
            ["VoiceMemory:Safety:Endpoint"] = "https://safety-test.cognitiveservices.azure.com/",
            ["VoiceMemory:Safety:ApiKey"] = "safety-key",
        });

        Assert.IsType<PocketSphinxSpeechToText>(provider.GetRequiredService<ISpeechToText>());
        Assert.Equal("CompositeSafetyScreen", provider.GetRequiredService<ISafetyScreen>().GetType().Name);
        Assert.IsType<HeuristicFactExtractor>(provider.GetRequiredService<IFactExtractor>());
        Assert.Single(provider.GetRequiredService<ChatModelChain>().Links);
    }

    [Fact]
    public void AzureSpeechWithoutEndpoint_FailsValidationWithAClearMessage()
    {
        using var provider = Compose(new() { ["VoiceMemory:Speech:Provider"] = "Azure" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SpeechOptions>>().Value);

        Assert.Contains("Endpoint", error.Message, StringComparison.Ordinal);
    }
}
