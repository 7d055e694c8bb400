using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceMemory.Api;
using VoiceMemory.Audio;
using VoiceMemory.Llm;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Turns;

namespace VoiceMemory.Configuration;

/// <summary>Registers everything both hosts share: policies, the turn activities, the API services, providers and maintenance.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>The keyed-service name of the built-in lexicon screen (the Azure screen combines with it).</summary>
    public const string LexiconKey = "lexicon";

    /// <summary>The keyed-service name of the heuristic fact extractor (the LLM extractor falls back to it).</summary>
    public const string HeuristicKey = "heuristic";

    /// <summary>
    /// Adds the shared core. The host adds the ports it implements (stores, <see cref="ITurnScheduler"/>) and, for
    /// offline speech, its engines; cloud providers are chosen here from configuration.
    /// </summary>
    public static IServiceCollection AddVoiceMemoryCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<LimitsOptions>().Bind(configuration.GetSection(LimitsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MemoryOptions>().Bind(configuration.GetSection(MemoryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<AudioValidator>();
        services.AddSingleton<SafetyMessages>();
        services.AddSingleton<LexiconSafetyScreen>();
        services.AddKeyedSingleton<ISafetyScreen>(LexiconKey, (sp, _) => sp.GetRequiredService<LexiconSafetyScreen>());
        services.AddSingleton<HeuristicFactExtractor>();
        services.AddKeyedSingleton<IFactExtractor>(HeuristicKey, (sp, _) => sp.GetRequiredService<HeuristicFactExtractor>());
        services.AddSingleton<RecallRanker>();
        services.AddSingleton<RecallService>();
        services.AddSingleton<PromptBuilder>();
        services.AddSingleton<FallbackResponder>();
        services.AddSingleton<ReplyChain>();
        services.AddSingleton<TurnActivities>();
        services.AddSingleton<TurnIntake>();
        services.AddSingleton<TurnQueries>();
        services.AddSingleton<UserDataService>();

        services.AddVoiceMemoryCloudProviders(configuration);
        services.AddVoiceMemoryMaintenance(configuration);
        return services;
    }
}
