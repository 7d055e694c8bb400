using Microsoft.Extensions.Options;
using VoiceMemory.SelfHost.Configuration;

namespace VoiceMemory.SelfHost.Telemetry;

/// <summary>
/// Serves <c>/metrics</c> on the metrics listener only. Requests are told apart by the port the connection arrived on
/// (the server's own socket, which a client cannot forge as it can a Host header): on the metrics port only
/// <c>GET /metrics</c> answers and everything else is 404; on the API's ports <c>/metrics</c> is an unknown route (404).
/// </summary>
public static class MetricsEndpoint
{
    /// <summary>The addresses to listen on: the API's, then the metrics listener when it is enabled.</summary>
    public static string ListenUrls(string apiUrls, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || options.Port is not { } port)
        {
            return apiUrls;
        }

        if (apiUrls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(url => PortOf(url) == port))
        {
            throw new OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions), [
                $"VoiceMemory:Metrics:Url ({options.Url}) uses a port of the API ({apiUrls}): metrics must have a listener of their own. Pick another port or set VoiceMemory:Metrics:Enabled=false."]);
        }

        return apiUrls + ";" + options.Url.TrimEnd('/');
    }

    /// <summary>Adds the scrape endpoint and the guard of the metrics port at the front of the pipeline.</summary>
    public static WebApplication UseVoiceMemoryMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled || options.Port is not { } port)
        {
            return app;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            context => context.Connection.LocalPort == port && context.Request.Path == MetricsOptions.Path);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }

    private static int? PortOf(string url)
    {
        // Kestrel's wildcard forms (http://*:80, http://+:80) are not URIs; read the port after the last colon.
        var authority = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        authority = authority.Split('/')[0];
        var colon = authority.LastIndexOf(':');
        if (colon >= 0 && int.TryParse(authority[(colon + 1)..], out var port))
        {
            return port;
        }

        return url.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
    }
}
