using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.SelfHost.Configuration;

/// <summary>
/// The Prometheus scrape endpoint (<c>VoiceMemory:Metrics</c>). It is served only on its own listener — by default
/// <c>http://127.0.0.1:9464/metrics</c>, loopback, so it never leaves the machine unless an operator says so — and never
/// on the API's addresses, whatever <c>--urls</c> or a reverse proxy expose (decision 0015).
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "VoiceMemory:Metrics";

    /// <summary>The default listener: loopback, OpenTelemetry's registered Prometheus port.</summary>
    public const string DefaultUrl = "http://127.0.0.1:9464";

    /// <summary>The scrape path on <see cref="Url"/>.</summary>
    public const string Path = "/metrics";

    /// <summary>Serve <c>/metrics</c>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The metrics listener (scheme, host and an explicit port; no path), e.g. <c>http://127.0.0.1:9464</c>.</summary>
    [Required]
    public string Url { get; set; } = DefaultUrl;

    /// <summary>The listener's port, or null when <see cref="Url"/> is not an http URL with an explicit port.</summary>
    public int? Port => Uri.TryCreate(Url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
        && !uri.IsDefaultPort && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) ? uri.Port : null;
}
