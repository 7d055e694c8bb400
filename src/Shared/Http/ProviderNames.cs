namespace VoiceMemory.Http;

/// <summary>
/// Names of the cloud provider channels. Each is the name of its circuit breaker, of its health check in
/// <c>/api/health</c>, and (prefixed with <see cref="HttpClientPrefix"/>) of its named HttpClient.
/// </summary>
public static class ProviderNames
{
    public const string SpeechToText = "speech-stt";
    public const string TextToSpeech = "speech-tts";
    public const string LlmPrimary = "llm-primary";
    public const string LlmBackup = "llm-backup";
    public const string ContentSafety = "content-safety";

    /// <summary>Prefix of the named HttpClients.</summary>
    public const string HttpClientPrefix = "VoiceMemory.";

    /// <summary>The named HttpClient of a channel.</summary>
    public static string HttpClientName(string provider) => HttpClientPrefix + provider;
}
