using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>LLM settings (<c>VoiceMemory:Llm</c>). No endpoint → the fallback responder answers.</summary>
public sealed class LlmOptions
{
    public const string Section = "VoiceMemory:Llm";

    /// <summary>OpenAI-compatible base URL (Azure: https://{resource}.openai.azure.com/openai/v1/).</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Model or deployment name.</summary>
    public string? Model { get; set; }

    public LlmAuthMode Auth { get; set; } = LlmAuthMode.Auto;

    public string? BackupEndpoint { get; set; }

    public string? BackupApiKey { get; set; }

    public string? BackupModel { get; set; }

    public LlmAuthMode BackupAuth { get; set; } = LlmAuthMode.Auto;

    /// <summary>Optional embedding model or deployment on the primary endpoint, used to rank recalled facts.</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>
    /// The reply model also judges the risk of the user's words (structured output inside the reply call, no extra round
    /// trip): a crisis it names gets the crisis reply; it never clears a flag the screens raised. Off for endpoints
    /// without strict JSON-schema output.
    /// </summary>
    public bool JudgeRisk { get; set; } = true;

    /// <summary>Extract facts with the LLM (structured output), falling back to the heuristic extractor.</summary>
    public bool ExtractFacts { get; set; } = true;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    [Range(16, 4096)]
    public int MaxOutputTokens { get; set; } = 300;

    [Range(0.0, 2.0)]
    public float Temperature { get; set; } = 0.7f;

    /// <summary>Retry backoff, Retry-After cap and circuit breaker of each LLM endpoint (primary and backup have one breaker each).</summary>
    public ResilienceOptions Resilience { get; set; } = new() { MaxRetryAfterSeconds = 5 };
}
