using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Telemetry;

/// <summary>
/// The OpenTelemetry providers of the self-host (OpenTelemetry.Extensions.Hosting owns their life): the <c>VoiceMemory</c>
/// meter (DESIGN.md §9, and <c>gen_ai.client.token.usage</c> from the LLM clients) with ASP.NET Core's and Kestrel's HTTP
/// server metrics, for the Prometheus endpoint (<see cref="MetricsOptions"/>) and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set, OTLP; the <c>VoiceMemory</c> spans over OTLP.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The service name in the exported resource (<c>service_name</c> of Prometheus' <c>target_info</c>).</summary>
    public const string ServiceName = "voicememory-selfhost";

    /// <summary>The meters exported besides <c>VoiceMemory</c>: HTTP server request metrics.</summary>
    public static readonly string[] HttpMeters = ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel"];

    public static IServiceCollection AddVoiceMemoryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<MetricsOptions>, MetricsOptionsValidator>();
        var prometheus = (configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions()).Enabled;
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!prometheus && !otlp)
        {
            return services;
        }

        services.AddHostedService<MetricsBaseline>();
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(VoiceMemoryTelemetry.Name).AddMeter(HttpMeters);
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(VoiceMemoryTelemetry.Name).AddOtlpExporter());
        }

        return services;
    }
}
