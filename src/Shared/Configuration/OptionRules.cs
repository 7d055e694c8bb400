using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Checks shared by the provider options validators.</summary>
internal static class OptionRules
{
    /// <summary>True for an absolute http or https URI.</summary>
    public static bool IsHttpUri(string? value, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value.Trim(), UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>Adds a failure unless <paramref name="value"/> is an absolute http(s) URI.</summary>
    public static Uri? RequireHttpUri(string key, string? value, List<string> failures)
    {
        if (IsHttpUri(value, out var uri))
        {
            return uri;
        }

        failures.Add($"{key} must be an absolute http(s) URI (got '{value}').");
        return null;
    }

    /// <summary>True for a regional Azure AI services host, which Microsoft Entra tokens cannot be used against.</summary>
    public static bool IsRegionalCognitiveHost(Uri uri) =>
        uri.Host.EndsWith(".api.cognitive.microsoft.com", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds the failures of a nested <see cref="ResilienceOptions"/>.</summary>
    public static void ValidateResilience(string key, ResilienceOptions? resilience, List<string> failures)
    {
        if (resilience is null)
        {
            failures.Add($"{key} is required.");
            return;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(resilience, new ValidationContext(resilience), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{key}: {r.ErrorMessage}"));
        }
    }
}
