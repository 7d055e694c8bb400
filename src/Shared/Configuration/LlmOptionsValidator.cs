using Microsoft.Extensions.Options;

namespace VoiceMemory.Configuration;

/// <summary>Checks <see cref="LlmOptions"/> at start: endpoints are absolute http(s) URIs, a model goes with each, a backup needs a primary, a required key is present.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionRules.ValidateResilience("VoiceMemory:Llm:Resilience", options.Resilience, failures);
        var hasPrimary = !string.IsNullOrWhiteSpace(options.Endpoint);
        if (hasPrimary)
        {
            if (OptionRules.RequireHttpUri("VoiceMemory:Llm:Endpoint", options.Endpoint, failures) is { } primary)
            {
                RequireTlsForTokens("VoiceMemory:Llm:Endpoint", primary, options.Auth, options.ApiKey, failures);
            }

            if (string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("VoiceMemory:Llm:Model is required with VoiceMemory:Llm:Endpoint (the model or Azure OpenAI deployment name).");
            }

            if (options.Auth == LlmAuthMode.ApiKey && string.IsNullOrWhiteSpace(options.ApiKey))
            {
                failures.Add("VoiceMemory:Llm:Auth is ApiKey but VoiceMemory:Llm:ApiKey is not set.");
            }
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(options.BackupEndpoint))
            {
                failures.Add("VoiceMemory:Llm:BackupEndpoint is set without VoiceMemory:Llm:Endpoint: a backup needs a primary endpoint.");
            }

            if (!string.IsNullOrWhiteSpace(options.EmbeddingModel))
            {
                failures.Add("VoiceMemory:Llm:EmbeddingModel is set without VoiceMemory:Llm:Endpoint: embeddings use the primary endpoint.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.BackupEndpoint))
        {
            if (OptionRules.RequireHttpUri("VoiceMemory:Llm:BackupEndpoint", options.BackupEndpoint, failures) is { } backup)
            {
                RequireTlsForTokens("VoiceMemory:Llm:BackupEndpoint", backup, options.BackupAuth, options.BackupApiKey, failures);
            }

            if (string.IsNullOrWhiteSpace(options.BackupModel) && string.IsNullOrWhiteSpace(options.Model))
            {
                failures.Add("VoiceMemory:Llm:BackupModel (or VoiceMemory:Llm:Model) is required with VoiceMemory:Llm:BackupEndpoint.");
            }

            if (options.BackupAuth == LlmAuthMode.ApiKey && string.IsNullOrWhiteSpace(options.BackupApiKey))
            {
                failures.Add("VoiceMemory:Llm:BackupAuth is ApiKey but VoiceMemory:Llm:BackupApiKey is not set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Bearer tokens (and keys) must not travel in clear text; the SDK also refuses tokens over http.
    private static void RequireTlsForTokens(string key, Uri endpoint, LlmAuthMode auth, string? apiKey, List<string> failures)
    {
        if (endpoint.Scheme != Uri.UriSchemeHttps && Llm.OpenAi.OpenAiAuth.Resolve(auth, apiKey, endpoint) == LlmAuthMode.Entra)
        {
            failures.Add($"{key} must use https with Microsoft Entra auth: tokens are never sent over plain http.");
        }
    }
}
