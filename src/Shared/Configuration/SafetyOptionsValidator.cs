using Microsoft.Extensions.Options;

namespace VoiceMemory.Configuration;

/// <summary>Checks <see cref="SafetyOptions"/> at start: Provider=Azure needs an endpoint; thresholds name known categories with severities 0..7.</summary>
public sealed class SafetyOptionsValidator : IValidateOptions<SafetyOptions>
{
    private static readonly string[] KnownCategories = ["Hate", "SelfHarm", "Sexual", "Violence"];

    public ValidateOptionsResult Validate(string? name, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.ValidateResilience("VoiceMemory:Safety:Resilience", options.Resilience, failures);
        foreach (var (category, threshold) in options.Thresholds ?? [])
        {
            if (!KnownCategories.Contains(category, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"VoiceMemory:Safety:Thresholds:{category} is not a Content Safety category (Hate, SelfHarm, Sexual, Violence).");
            }
            else if (threshold is < 0 or > 7)
            {
                failures.Add($"VoiceMemory:Safety:Thresholds:{category} must be a severity from 0 to 7 (got {threshold}).");
            }
        }

        if (string.IsNullOrWhiteSpace(options.DefaultCrisisResource))
        {
            failures.Add("VoiceMemory:Safety:DefaultCrisisResource must not be empty: a crisis reply always names where to get help.");
        }

        if (string.IsNullOrWhiteSpace(options.DefaultDangerResource))
        {
            failures.Add("VoiceMemory:Safety:DefaultDangerResource must not be empty: a user in danger is always told where to get help.");
        }

        if (options.Provider == SafetyProvider.Azure)
        {
            if (string.IsNullOrWhiteSpace(options.Endpoint))
            {
                failures.Add("VoiceMemory:Safety:Endpoint is required when VoiceMemory:Safety:Provider is Azure (the Content Safety resource endpoint, e.g. https://{name}.cognitiveservices.azure.com/).");
            }
            else if (OptionRules.RequireHttpUri("VoiceMemory:Safety:Endpoint", options.Endpoint, failures) is { } uri
                && string.IsNullOrWhiteSpace(options.ApiKey) && OptionRules.IsRegionalCognitiveHost(uri))
            {
                failures.Add("VoiceMemory:Safety:Endpoint is a regional endpoint, which does not take Microsoft Entra tokens: set VoiceMemory:Safety:ApiKey, or use the resource's custom-subdomain endpoint.");
            }

            if (string.IsNullOrWhiteSpace(options.ApiVersion))
            {
                failures.Add("VoiceMemory:Safety:ApiVersion must not be empty.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
