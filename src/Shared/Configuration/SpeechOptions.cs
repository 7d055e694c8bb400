using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Speech settings (<c>VoiceMemory:Speech</c>).</summary>
public sealed class SpeechOptions
{
    public const string Section = "VoiceMemory:Speech";

    public SpeechProvider Provider { get; set; } = SpeechProvider.Offline;

    /// <summary>Azure Speech resource endpoint for transcription, e.g. https://{name}.cognitiveservices.azure.com/.</summary>
    public string? Endpoint { get; set; }

    /// <summary>TTS endpoint; default https://{Region}.tts.speech.microsoft.com/.</summary>
    public string? TtsEndpoint { get; set; }

    public string? Region { get; set; }

    /// <summary>Resource key; absent → Microsoft Entra token.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Fast transcription api-version (2025-10-15 is the current GA version; 2024-11-15 also works).</summary>
    public string TranscriptionApiVersion { get; set; } = "2025-10-15";

    /// <summary>
    /// Azure resource id of the Speech resource (/subscriptions/…/providers/Microsoft.CognitiveServices/accounts/{name}).
    /// Only for Microsoft Entra auth against a regional TTS endpoint, which needs <c>Authorization: Bearer aad#{resourceId}#{token}</c>;
    /// a custom-domain <see cref="TtsEndpoint"/> takes the plain Entra token.
    /// </summary>
    public string? ResourceId { get; set; }

    /// <summary>Azure neural voice per locale; a locale not listed uses its language's entry, then en-US.</summary>
    public Dictionary<string, string> Voices { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "en-US-AvaMultilingualNeural",
        ["zh-CN"] = "zh-CN-XiaoxiaoNeural",
    };

    /// <summary>Azure TTS output format (an MP3 format).</summary>
    public string OutputFormat { get; set; } = "audio-24khz-48kbitrate-mono-mp3";

    /// <summary>Offline flite voice.</summary>
    public string OfflineVoice { get; set; } = "slt";

    /// <summary>Per-call timeout.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts per call on transient failures.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Retry backoff, Retry-After cap and circuit breaker of the Speech calls.</summary>
    public ResilienceOptions Resilience { get; set; } = new();
}
