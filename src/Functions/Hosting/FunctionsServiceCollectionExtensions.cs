using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Maintenance;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Functions.RateLimiting;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Hosting;

/// <summary>Composes the Azure Functions host around the shared core; the Blob/Table stores come from <c>AddVoiceMemoryAzureStorage</c>.</summary>
public static class FunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The host's own services: options, the Durable scheduler, sweeper and purger, the per-user rate limit, the caller
    /// resolver and the health report store, and the erasure and retention extensions. Call after the stores are
    /// registered: the turn store is wrapped so every accepted turn leaves a pending marker first.
    /// </summary>
    public static IServiceCollection AddVoiceMemoryFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FunctionsOptions>().Bind(configuration.GetSection(FunctionsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<SpeechOptions>, AzureSpeechRequiredValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new HostTables(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<DurableClientScope>();
        services.AddSingleton<PendingTurns>();
        services.AddSingleton<InstancePurger>();
        services.AddSingleton<DurableTurnScheduler>();
        services.AddSingleton<ITurnScheduler>(sp => sp.GetRequiredService<DurableTurnScheduler>());
        services.AddSingleton<QueuedTurnSweeper>();
        services.AddSingleton<UserRateLimiter>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<ApiGate>();
        services.AddSingleton<HealthReportStore>();

        services.AddSingleton<IUserDataEraser, InstanceEraser>();
        services.AddSingleton<IUserDataEraser, RateLimitEraser>();
        services.AddSingleton<IRetentionExtension, InstanceHistoryRetention>();

        DecorateTurnStore(services);
        return services;
    }

    private static void DecorateTurnStore(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(ITurnStore))
            ?? throw new InvalidOperationException("Register the turn store (AddVoiceMemoryAzureStorage) before AddVoiceMemoryFunctionsHost.");
        services.Remove(inner);
        services.AddSingleton<ITurnStore>(sp => new PendingTurnTrackingStore(Resolve(sp, inner), sp.GetRequiredService<PendingTurns>()));
    }

    private static ITurnStore Resolve(IServiceProvider sp, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: ITurnStore instance } => instance,
        { ImplementationFactory: { } factory } => (ITurnStore)factory(sp),
        { ImplementationType: { } type } => (ITurnStore)ActivatorUtilities.CreateInstance(sp, type),
        _ => throw new InvalidOperationException("The turn store registration cannot be decorated."),
    };
}
