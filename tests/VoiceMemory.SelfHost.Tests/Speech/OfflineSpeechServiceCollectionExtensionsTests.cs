using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.Speech;

namespace VoiceMemory.SelfHost.Tests.Speech;

public sealed class OfflineSpeechServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOfflineSpeech_NothingRegisteredBefore_RegistersOfflineEnginesAndFourChecks()
    {
        using var provider = Build(new Dictionary<string, string?>());

        Assert.IsType<PocketSphinxSpeechToText>(provider.GetRequiredService<ISpeechToText>());
        Assert.IsType<OfflineTextToSpeech>(provider.GetRequiredService<ITextToSpeech>());
        Assert.Equal(
            ["speech-to-text", "text-to-speech", "mp3-encoder", "ffmpeg"],
            provider.GetServices<IDependencyCheck>().Select(check => check.Name));
    }

    [Fact]
    public void AddOfflineSpeech_ProvidersRegisteredBefore_KeepsThem()
    {
        var azureStt = Mock.Of<ISpeechToText>();
        var azureTts = Mock.Of<ITextToSpeech>();

        using var provider = Build(new Dictionary<string, string?>(), services =>
        {
            services.AddSingleton(azureStt);
            services.AddSingleton(azureTts);
        });

        Assert.Same(azureStt, provider.GetRequiredService<ISpeechToText>());
        Assert.Same(azureTts, provider.GetRequiredService<ITextToSpeech>());
    }

    [Fact]
    public void AddOfflineSpeech_CalledTwice_RegistersChecksOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOfflineSpeech(configuration).AddOfflineSpeech(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(4, provider.GetServices<IDependencyCheck>().Count());
    }

    [Fact]
    public void AddOfflineSpeech_Configuration_BindsTheOfflineSection()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["VoiceMemory:Speech:Offline:Lame"] = "/opt/lame/bin/lame",
            ["VoiceMemory:Speech:Offline:ProcessTimeout"] = "00:00:30",
            ["VoiceMemory:Speech:Offline:EspeakVoices:fr"] = "fr-fr",
            ["VoiceMemory:Speech:Offline:Mp3Enabled"] = "false",
        });

        var options = provider.GetRequiredService<IOptions<OfflineSpeechOptions>>().Value;

        Assert.Equal("/opt/lame/bin/lame", options.Lame);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ProcessTimeout);
        Assert.Equal("fr-fr", options.EspeakVoices["fr"]);
        Assert.Equal("cmn", options.EspeakVoices["zh"]);
        Assert.False(options.Mp3Enabled);
    }

    [Fact]
    public async Task AddOfflineSpeech_InvalidOptions_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["VoiceMemory:Speech:Offline:ProcessTimeout"] = "00:00:00",
            ["VoiceMemory:Speech:Offline:PocketSphinx"] = "",
        });
        builder.Services.AddOfflineSpeech(builder.Configuration);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(exception.Failures, failure => failure.Contains(nameof(OfflineSpeechOptions.ProcessTimeout), StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.Contains(nameof(OfflineSpeechOptions.PocketSphinx), StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddOfflineSpeech(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
