using Azure.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using VoiceMemory.Http;
using VoiceMemory.Llm;
using VoiceMemory.Llm.OpenAi;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Safety.Azure;
using VoiceMemory.Speech;
using VoiceMemory.Speech.Azure;

namespace VoiceMemory.Configuration;

/// <summary>
/// Registers the cloud providers (Azure AI Speech, any OpenAI-compatible LLM incl. Azure OpenAI, Azure AI Content Safety)
/// by configuration. Both hosts call <see cref="AddVoiceMemoryCloudProviders"/>.
/// <para>
/// Contract with the host: before the service provider is built, the host (or core) registers
/// <list type="bullet">
/// <item>the built-in crisis lexicon as keyed service <c>"lexicon"</c> of <see cref="ISafetyScreen"/>
/// (<see cref="LexiconScreenKey"/>), e.g. <c>services.AddKeyedSingleton&lt;ISafetyScreen, LexiconSafetyScreen&gt;("lexicon")</c>;</item>
/// <item>the heuristic extractor as keyed service <c>"heuristic"</c> of <see cref="IFactExtractor"/>
/// (<see cref="HeuristicExtractorKey"/>);</item>
/// <item>its offline <see cref="ISpeechToText"/> / <see cref="ITextToSpeech"/> when <c>Speech:Provider</c> is Offline.</item>
/// </list>
/// This method then registers (unkeyed, replacing any earlier unkeyed registration of the same service):
/// <see cref="ISafetyScreen"/> (composite of lexicon + Content Safety when <c>Safety:Provider=Azure</c>, else the keyed
/// lexicon), <see cref="IFactExtractor"/> (LLM extractor with the heuristic fallback when an LLM endpoint is set and
/// <c>Llm:ExtractFacts</c>, else the keyed heuristic one), <see cref="ChatModelChain"/> (primary then backup;
/// <see cref="ChatModelChain.Empty"/> without an endpoint), <see cref="ITextEmbedder"/> when <c>Llm:EmbeddingModel</c>
/// is set, <see cref="ISpeechToText"/> / <see cref="ITextToSpeech"/> only when <c>Speech:Provider=Azure</c>, one
/// <see cref="IDependencyCheck"/> per configured provider, and the validated Speech, Llm, Safety and Identity options.
/// A <see cref="TokenCredential"/> or <see cref="TimeProvider"/> the host registered first is used as it is.
/// Which providers are registered is read from <paramref name="configuration"/> when this method runs.
/// </para>
/// </summary>
public static class CloudProvidersServiceCollectionExtensions
{
    /// <summary>The key of the lexicon <see cref="ISafetyScreen"/> the host must register.</summary>
    public const string LexiconScreenKey = "lexicon";

    /// <summary>The key of the heuristic <see cref="IFactExtractor"/> the host must register.</summary>
    public const string HeuristicExtractorKey = "heuristic";

    /// <summary>Binds, validates and registers the cloud providers selected by configuration.</summary>
    public static IServiceCollection AddVoiceMemoryCloudProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<LlmOptions>) && d.ImplementationType == typeof(LlmOptionsValidator)))
        {
            // Already added: a second call would stack the HttpClient handlers twice.
            return services;
        }

        services.AddOptions<SpeechOptions>().Bind(configuration.GetSection(SpeechOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SafetyOptions>().Bind(configuration.GetSection(SafetyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().Bind(configuration.GetSection(IdentityOptions.Section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SafetyOptions>, SafetyOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TokenCredential>(sp => AzureCredentialFactory.Create(
            sp.GetRequiredService<IOptions<IdentityOptions>>().Value, Environment.GetEnvironmentVariable));
        services.TryAddSingleton(sp => new EntraTokenSource(
            sp.GetRequiredService<TokenCredential>(), EntraTokenSource.CognitiveServicesScope, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient();

        var speech = configuration.GetSection(SpeechOptions.Section).Get<SpeechOptions>() ?? new SpeechOptions();
        var llm = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        var safety = configuration.GetSection(SafetyOptions.Section).Get<SafetyOptions>() ?? new SafetyOptions();

        if (speech.Provider == SpeechProvider.Azure)
        {
            AddSpeech(services);
        }

        AddLlm(services, llm);
        AddSafety(services, safety);
        return services;
    }

    private static void AddSpeech(IServiceCollection services)
    {
        static ResilienceSettings Settings(IServiceProvider sp)
        {
            var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            return ResilienceSettings.From(o.TimeoutSeconds, o.MaxAttempts, o.Resilience);
        }

        AddChannel(services, ProviderNames.SpeechToText, Settings, sp => CognitiveAuth(sp, sp.GetRequiredService<IOptions<SpeechOptions>>().Value.ApiKey, resourceId: null));
        AddChannel(services, ProviderNames.TextToSpeech, Settings, sp =>
        {
            var o = sp.GetRequiredService<IOptions<SpeechOptions>>().Value;
            return CognitiveAuth(sp, o.ApiKey, o.ResourceId);
        });
        Replace<ISpeechToText>(services, sp => new AzureFastTranscription(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SpeechOptions>>(),
            sp.GetRequiredKeyedService<ProviderChannel>(ProviderNames.SpeechToText),
            sp.GetRequiredService<ILogger<AzureFastTranscription>>()));
        Replace<ITextToSpeech>(services, sp => new AzureTextToSpeech(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SpeechOptions>>(),
            sp.GetRequiredKeyedService<ProviderChannel>(ProviderNames.TextToSpeech),
            sp.GetRequiredService<ILogger<AzureTextToSpeech>>()));
        AddHealth(services, ProviderNames.SpeechToText, critical: true);
        AddHealth(services, ProviderNames.TextToSpeech, critical: true);
    }

    private static void AddLlm(IServiceCollection services, LlmOptions llm)
    {
        if (string.IsNullOrWhiteSpace(llm.Endpoint))
        {
            Replace(services, _ => ChatModelChain.Empty);
            Replace<IFactExtractor>(services, sp => RequireKeyed<IFactExtractor>(sp, HeuristicExtractorKey));
            return;
        }

        static ResilienceSettings Settings(IServiceProvider sp)
        {
            var o = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            return ResilienceSettings.From(o.TimeoutSeconds, o.MaxAttempts, o.Resilience);
        }

        services.TryAddSingleton(sp => new OpenAiClientFactory(sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TokenCredential>));
        AddChannel(services, ProviderNames.LlmPrimary, Settings, auth: null);
        AddOpenAiClient(services, ProviderNames.LlmPrimary, OpenAiEndpoint.Primary);
        AddHealth(services, ProviderNames.LlmPrimary, critical: false);
        var hasBackup = !string.IsNullOrWhiteSpace(llm.BackupEndpoint);
        if (hasBackup)
        {
            AddChannel(services, ProviderNames.LlmBackup, Settings, auth: null);
            AddOpenAiClient(services, ProviderNames.LlmBackup, OpenAiEndpoint.Backup);
            AddHealth(services, ProviderNames.LlmBackup, critical: false);
        }

        Replace(services, sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
            var links = new List<IChatModel> { ChatModel(sp, "primary", ProviderNames.LlmPrimary, OpenAiEndpoint.Primary(options)!) };
            if (hasBackup && OpenAiEndpoint.Backup(options) is { } backup)
            {
                links.Add(ChatModel(sp, "backup", ProviderNames.LlmBackup, backup));
            }

            return new ChatModelChain(links);
        });

        if (!string.IsNullOrWhiteSpace(llm.EmbeddingModel))
        {
            Replace<ITextEmbedder>(services, sp =>
            {
                var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
                return new OpenAiTextEmbedder(
                    GenAiClients.Embeddings(
                        sp.GetRequiredKeyedService<OpenAIClient>(ProviderNames.LlmPrimary),
                        OpenAiEndpoint.Primary(options)!.Endpoint,
                        options.EmbeddingModel!,
                        sp.GetService<ILoggerFactory>()),
                    sp.GetRequiredKeyedService<ProviderChannel>(ProviderNames.LlmPrimary));
            });
        }

        if (llm.ExtractFacts)
        {
            Replace<IFactExtractor>(services, sp =>
            {
                var options = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
                return new LlmFactExtractor(
                    sp.GetRequiredKeyedService<IChatClient>(ProviderNames.LlmPrimary),
                    RequireKeyed<IFactExtractor>(sp, HeuristicExtractorKey),
                    sp.GetRequiredKeyedService<ProviderChannel>(ProviderNames.LlmPrimary),
                    sp.GetRequiredService<ILogger<LlmFactExtractor>>(),
                    Math.Max(options.MaxOutputTokens, 400));
            });
        }
        else
        {
            Replace<IFactExtractor>(services, sp => RequireKeyed<IFactExtractor>(sp, HeuristicExtractorKey));
        }
    }

    private static void AddSafety(IServiceCollection services, SafetyOptions safety)
    {
        if (safety.Provider != SafetyProvider.Azure)
        {
            Replace<ISafetyScreen>(services, sp => RequireKeyed<ISafetyScreen>(sp, LexiconScreenKey));
            return;
        }

        AddChannel(
            services,
            ProviderNames.ContentSafety,
            sp =>
            {
                var o = sp.GetRequiredService<IOptions<SafetyOptions>>().Value;
                return ResilienceSettings.From(o.TimeoutSeconds, o.MaxAttempts, o.Resilience);
            },
            sp => CognitiveAuth(sp, sp.GetRequiredService<IOptions<SafetyOptions>>().Value.ApiKey, resourceId: null));
        services.TryAddSingleton(sp => new AzureContentSafetyScreen(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptions<SafetyOptions>>(),
            sp.GetRequiredKeyedService<ProviderChannel>(ProviderNames.ContentSafety),
            sp.GetRequiredService<ILogger<AzureContentSafetyScreen>>()));
        Replace<ISafetyScreen>(services, sp => new CompositeSafetyScreen(
            RequireKeyed<ISafetyScreen>(sp, LexiconScreenKey),
            sp.GetRequiredService<AzureContentSafetyScreen>(),
            sp.GetRequiredService<ILogger<CompositeSafetyScreen>>()));
        AddHealth(services, ProviderNames.ContentSafety, critical: false);
    }

    private static OpenAiChatModel ChatModel(IServiceProvider sp, string name, string provider, OpenAiEndpoint endpoint) => new(
        name,
        sp.GetRequiredKeyedService<IChatClient>(provider),
        endpoint.Model,
        sp.GetRequiredKeyedService<ProviderChannel>(provider),
        sp.GetRequiredService<ILogger<OpenAiChatModel>>());

    // The SDK client and, over it, the instrumented IChatClient of the endpoint's model, both keyed by the channel name
    // (other features that talk to the same model, e.g. structured output, take the keyed IChatClient).
    private static void AddOpenAiClient(IServiceCollection services, string provider, Func<LlmOptions, OpenAiEndpoint?> endpoint)
    {
        OpenAiEndpoint Endpoint(IServiceProvider sp) =>
            endpoint(sp.GetRequiredService<IOptions<LlmOptions>>().Value) ?? throw new InvalidOperationException($"The {provider} endpoint is not configured.");

        services.AddKeyedSingleton(provider, (sp, _) => sp.GetRequiredService<OpenAiClientFactory>().Create(
            Endpoint(sp),
            sp.GetRequiredKeyedService<ProviderChannel>(provider).Settings));
        services.AddKeyedSingleton(provider, (sp, _) => GenAiClients.Chat(
            sp.GetRequiredKeyedService<OpenAIClient>(provider),
            Endpoint(sp).Model,
            sp.GetService<ILoggerFactory>()));
    }

    // One channel (breaker + last outcome) and one named HttpClient per provider: no client timeout of its own (the
    // pipeline's per-attempt timeout decides), pooled connections recycled so long-lived SDK clients follow DNS changes.
    private static void AddChannel(IServiceCollection services, string provider, Func<IServiceProvider, ResilienceSettings> settings, Func<IServiceProvider, DelegatingHandler>? auth)
    {
        services.AddKeyedSingleton(provider, (sp, _) => new ProviderChannel(provider, settings(sp), sp.GetRequiredService<TimeProvider>()));
        var builder = services
            .AddHttpClient(ProviderNames.HttpClientName(provider), client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddHttpMessageHandler(sp => new ProviderOutcomeHandler(sp.GetRequiredKeyedService<ProviderChannel>(provider)));
        // Microsoft.Extensions.Http.Resilience runs the pipeline; it is registered once per client name, so the breaker
        // spans every call and every handler instance. Handlers added after it run once per attempt.
        builder.AddResilienceHandler("provider", (pipeline, context) =>
        {
            var channel = context.ServiceProvider.GetRequiredKeyedService<ProviderChannel>(provider);
            ProviderPipeline.Configure(pipeline, channel.Settings, channel.TimeProvider, channel.CircuitStateProvider);
        });
        builder.AddHttpMessageHandler(() => new AttemptBufferingHandler());
        if (auth is not null)
        {
            builder.AddHttpMessageHandler(auth);
        }
    }

    private static CognitiveServicesAuthHandler CognitiveAuth(IServiceProvider sp, string? apiKey, string? resourceId) =>
        string.IsNullOrWhiteSpace(apiKey)
            ? new CognitiveServicesAuthHandler(null, sp.GetRequiredService<EntraTokenSource>(), resourceId)
            : new CognitiveServicesAuthHandler(apiKey, null, null);

    private static void AddHealth(IServiceCollection services, string provider, bool critical) =>
        services.AddSingleton<IDependencyCheck>(sp => new ProviderHealthCheck(sp.GetRequiredKeyedService<ProviderChannel>(provider), critical));

    private static T RequireKeyed<T>(IServiceProvider sp, string key)
        where T : class =>
        sp.GetKeyedService<T>(key) ?? throw new InvalidOperationException(
            $"AddVoiceMemoryCloudProviders needs a keyed {typeof(T).Name} service \"{key}\": register it before building the service provider, e.g. services.AddKeyedSingleton<{typeof(T).Name}, …>(\"{key}\").");

    // Unkeyed registrations of T made before this call are replaced, so the configured provider wins over a host default.
    private static void Replace<T>(IServiceCollection services, Func<IServiceProvider, T> factory)
        where T : class
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService)
            {
                services.RemoveAt(i);
            }
        }

        services.AddSingleton(factory);
    }
}
