using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.Safety;

namespace VoiceMemory.Tests.Providers;

/// <summary>Builds a service provider the way a host does: keyed lexicon and heuristic doubles, then AddVoiceMemoryCloudProviders.</summary>
internal static class ProviderTestHost
{
    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        ISafetyScreen? lexicon = null,
        IFactExtractor? heuristic = null,
        TokenCredential? credential = null,
        Action<IServiceCollection>? after = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKeyedSingleton<ISafetyScreen>(CloudProvidersServiceCollectionExtensions.LexiconScreenKey, lexicon ?? new StubLexicon(SafetyVerdict.Clear("lexicon")));
        services.AddKeyedSingleton<IFactExtractor>(CloudProvidersServiceCollectionExtensions.HeuristicExtractorKey, heuristic ?? new StubExtractor([]));
        if (credential is not null)
        {
            services.AddSingleton(credential);
        }

        services.AddVoiceMemoryCloudProviders(configuration);
        after?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = false });
    }

    /// <summary>Fast retry delays so tests measure Retry-After, not backoff.</summary>
    public static Dictionary<string, string?> Fast(string section, Dictionary<string, string?> settings)
    {
        settings.TryAdd($"VoiceMemory:{section}:Resilience:RetryDelayMilliseconds", "10");
        settings.TryAdd($"VoiceMemory:{section}:Resilience:MinimumThroughput", "50");
        return settings;
    }
}
