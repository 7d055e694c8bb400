using VoiceMemory.Configuration;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>Resolves <see cref="LlmAuthMode.Auto"/> for an endpoint.</summary>
public static class OpenAiAuth
{
    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    /// <summary>
    /// The effective mode: Auto → ApiKey when a key is set; else Entra when the host is an Azure AI host
    /// (*.openai.azure.com, *.cognitiveservices.azure.com, *.services.ai.azure.com); else None.
    /// </summary>
    public static LlmAuthMode Resolve(LlmAuthMode mode, string? apiKey, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (mode != LlmAuthMode.Auto)
        {
            return mode;
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            return LlmAuthMode.ApiKey;
        }

        return IsAzureHost(endpoint) ? LlmAuthMode.Entra : LlmAuthMode.None;
    }

    /// <summary>True for hosts of Azure OpenAI / Azure AI services.</summary>
    public static bool IsAzureHost(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return AzureHostSuffixes.Any(s => endpoint.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }
}
