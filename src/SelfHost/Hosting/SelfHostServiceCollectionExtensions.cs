using Microsoft.AspNetCore.Authentication;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Api.OpenApi;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.SelfHost.Runner;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Hosting;

/// <summary>Composes the self-host: the shared core, SQLite and file stores, offline engines, the runner and the schedules.</summary>
public static class SelfHostServiceCollectionExtensions
{
    /// <summary>Everything both the server and the admin CLI need.</summary>
    public static IServiceCollection AddVoiceMemorySelfHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SelfHostOptions>().Bind(configuration.GetSection(SelfHostOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RunnerOptions>().Bind(configuration.GetSection(RunnerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        // Cloud providers (when configured) register first; offline engines fill whatever is left.
        services.AddVoiceMemoryCore(configuration);
        services.AddOfflineSpeech(configuration);
        services.AddSelfHostStorage();
        services.AddSelfHostMaintenance(configuration);

        services.AddSingleton<JobSignal>();
        services.AddSingleton<ITurnScheduler, SelfHostTurnScheduler>();
        services.AddSingleton<IUserDataEraser, RunnerJobEraser>();
        services.AddSingleton<IRetentionExtension, FinishedJobRetention>();
        services.AddSingleton<IRetentionExtension, StaleTempRetention>();
        services.AddSingleton<OrphanedTurnSweeper>();
        services.AddVoiceMemoryTelemetry(configuration);
        return services;
    }

    /// <summary>What only the long-running server adds: migration at start, the runner, the schedules, auth and rate limits.</summary>
    public static IServiceCollection AddVoiceMemoryServer(this IServiceCollection services, IConfiguration configuration)
    {
        // Hosted services start in registration order: the database is migrated before anything uses it.
        services.AddHostedService<DatabaseMigrator>();
        services.AddVoiceMemorySelfHost(configuration);
        services.AddHostedService<TurnRunner>();
        // VoiceMemory:StartupWarmup=false turns the warm-up off (to measure what it saves: bench coldstart, decision 0012).
        if (configuration.GetValue("VoiceMemory:StartupWarmup", true))
        {
            services.AddSingleton<StartupWarmup>();
            services.AddHostedService(sp => sp.GetRequiredService<StartupWarmup>());
        }
        services.AddSelfHostMaintenanceSchedules();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.AddPerUserRateLimiting();
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddVoiceMemoryOpenApi();

        var cors = configuration.GetSection("VoiceMemory:Cors:Origins").Get<string[]>() ?? [];
        if (cors.Length > 0)
        {
            services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(cors).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "Retry-After")));
        }

        return services;
    }
}
