using VoiceMemory.Configuration;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>One OpenAI-compatible endpoint of the reply chain: its channel name, base URL, key, auth mode and model (deployment).</summary>
public sealed record OpenAiEndpoint(string Provider, Uri Endpoint, string? ApiKey, LlmAuthMode Auth, string Model)
{
    /// <summary>The primary endpoint of <paramref name="options"/>, or null when none is configured.</summary>
    public static OpenAiEndpoint? Primary(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Endpoint)
            ? null
            : new(Http.ProviderNames.LlmPrimary, BaseUri(options.Endpoint), options.ApiKey, options.Auth, options.Model ?? string.Empty);
    }

    /// <summary>The backup endpoint (its model defaults to the primary's), or null when none is configured.</summary>
    public static OpenAiEndpoint? Backup(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.BackupEndpoint)
            ? null
            : new(Http.ProviderNames.LlmBackup, BaseUri(options.BackupEndpoint), options.BackupApiKey, options.BackupAuth, options.BackupModel ?? options.Model ?? string.Empty);
    }

    // The SDK appends "chat/completions" to the base; without a trailing slash the last segment would be replaced.
    private static Uri BaseUri(string endpoint) => new(endpoint.EndsWith('/') ? endpoint : endpoint + "/", UriKind.Absolute);
}
