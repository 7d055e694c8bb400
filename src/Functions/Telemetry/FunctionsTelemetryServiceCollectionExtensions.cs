using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VoiceMemory.Configuration;
using VoiceMemory.Http;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Functions.Telemetry;

/// <summary>
/// OpenTelemetry for the worker (host.json sets <c>telemetryMode: OpenTelemetry</c>): the Functions worker defaults, the
/// <c>VoiceMemory</c> ActivitySource and Meter, and — when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set — the
/// Azure Monitor exporter authenticating with the managed identity (Application Insights has local auth disabled).
/// </summary>
public static class FunctionsTelemetryServiceCollectionExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddVoiceMemoryFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(VoiceMemoryTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(VoiceMemoryTelemetry.Name));

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var identity = configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = AzureCredentialFactory.Create(identity, Environment.GetEnvironmentVariable);
            });
        }

        return services;
    }
}
