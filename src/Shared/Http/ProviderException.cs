using System.Net;

namespace VoiceMemory.Http;

/// <summary>
/// A cloud provider call failed in a known way. <see cref="VoiceMemoryException.Code"/> is one of the
/// <c>provider_*</c> codes of <see cref="ErrorCodes"/>; the message never holds user text, keys or tokens.
/// </summary>
public sealed class ProviderException : VoiceMemoryException
{
    public ProviderException(string provider, string code, string message, HttpStatusCode? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(code, message, IsTransientCode(code), innerException)
    {
        Provider = provider;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ProviderException() : this("unknown", ErrorCodes.ProviderUnavailable, "The provider failed.") { }

    public ProviderException(string message) : this("unknown", ErrorCodes.ProviderUnavailable, message) { }

    public ProviderException(string message, Exception innerException) : this("unknown", ErrorCodes.ProviderUnavailable, message, null, null, innerException) { }

    /// <summary>The provider channel name (e.g. <c>speech-stt</c>, <c>llm-primary</c>).</summary>
    public string Provider { get; }

    /// <summary>The HTTP status of the last attempt, when there was a response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The server's Retry-After hint, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when the circuit breaker refused the call without sending it.</summary>
    public bool CircuitOpen { get; init; }

    private static bool IsTransientCode(string code) =>
        code is ErrorCodes.ProviderThrottled or ErrorCodes.ProviderTimeout or ErrorCodes.ProviderUnavailable;
}
