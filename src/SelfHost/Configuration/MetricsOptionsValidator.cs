using Microsoft.Extensions.Options;

namespace VoiceMemory.SelfHost.Configuration;

/// <summary>Refuses a metrics URL that is not <c>http://host:port</c>, so a typo fails at start instead of binding elsewhere.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.Enabled || options.Port is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"VoiceMemory:Metrics:Url must be http://host:port with an explicit port and no path (e.g. {MetricsOptions.DefaultUrl}); it is '{options.Url}'. Set VoiceMemory:Metrics:Enabled=false to serve no metrics.");
    }
}
