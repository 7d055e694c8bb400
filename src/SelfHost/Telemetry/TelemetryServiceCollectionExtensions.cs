using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Telemetry;

/// <summary>
/// Exports the <c>VoiceMemory</c> spans and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// (OpenTelemetry.Extensions.Hosting is not on this workplace's feed, so the providers are built and disposed here.)
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddVoiceMemoryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddHostedService<OpenTelemetryExport>();
        }

        return services;
    }
}

/// <summary>Owns the tracer and meter providers for the life of the process.</summary>
internal sealed class OpenTelemetryExport : IHostedService, IDisposable
{
    private TracerProvider? tracing;
    private MeterProvider? metrics;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var resource = ResourceBuilder.CreateDefault().AddService("voicememory-selfhost");
        tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(VoiceMemoryTelemetry.Name).AddOtlpExporter().Build();
        metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(VoiceMemoryTelemetry.Name).AddOtlpExporter().Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracing?.ForceFlush(5000);
        metrics?.ForceFlush(5000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracing?.Dispose();
        metrics?.Dispose();
    }
}
