using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Speech;

namespace VoiceMemory.SelfHost.Speech;

public static class OfflineSpeechServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline engines: <see cref="OfflineSpeechOptions"/> (validated at start), the process runner,
    /// engine locator, workspaces and audio normaliser; pocketsphinx as <see cref="ISpeechToText"/> and flite /
    /// espeak-ng as <see cref="ITextToSpeech"/> only when no provider was registered before (Azure wins); and the
    /// four engine health checks. <see cref="SpeechOptions"/> and SelfHostOptions are bound by the host.
    /// </summary>
    public static IServiceCollection AddOfflineSpeech(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // A second call must not register the health checks twice.
        if (services.Any(descriptor => descriptor.ServiceType == typeof(ProcessRunner)))
        {
            return services;
        }

        services.AddOptions<OfflineSpeechOptions>()
            .Bind(configuration.GetSection(OfflineSpeechOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ProcessRunner>();
        services.TryAddSingleton<EngineLocator>();
        services.TryAddSingleton<TempWorkspaceFactory>();
        services.TryAddSingleton<AudioNormalizer>();
        services.TryAddSingleton<PocketSphinxSpeechToText>();
        services.TryAddSingleton<OfflineTextToSpeech>();
        services.TryAddSingleton<ISpeechToText>(provider => provider.GetRequiredService<PocketSphinxSpeechToText>());
        services.TryAddSingleton<ITextToSpeech>(provider => provider.GetRequiredService<OfflineTextToSpeech>());

        foreach (var kind in Enum.GetValues<OfflineEngineCheckKind>())
        {
            services.AddSingleton<IDependencyCheck>(provider => new OfflineEngineCheck(
                kind,
                provider.GetRequiredService<EngineLocator>(),
                provider.GetRequiredService<IOptions<OfflineSpeechOptions>>(),
                provider.GetRequiredService<IOptions<SpeechOptions>>()));
        }

        return services;
    }
}
