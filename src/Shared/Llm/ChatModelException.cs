namespace VoiceMemory.Llm;

/// <summary>A chat model call failed in a known way; the reply chain moves on to its next link.</summary>
public sealed class ChatModelException : VoiceMemoryException
{
    public ChatModelException(ChatFailure failure, string message, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(CodeFor(failure), message, failure is ChatFailure.Throttled or ChatFailure.Timeout or ChatFailure.Unavailable, innerException)
    {
        Failure = failure;
        RetryAfter = retryAfter;
    }

    public ChatModelException() : this(ChatFailure.Unavailable, "The chat model failed.") { }

    public ChatModelException(string message) : this(ChatFailure.Unavailable, message) { }

    public ChatModelException(string message, Exception innerException) : this(ChatFailure.Unavailable, message, innerException) { }

    /// <summary>The kind of failure.</summary>
    public ChatFailure Failure { get; }

    /// <summary>The server's Retry-After, when it gave one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The reason tag used for <c>voicememory.replies.fallback</c> and logs.</summary>
    public string Reason => Failure switch
    {
        ChatFailure.NotConfigured => "not_configured",
        ChatFailure.Throttled => "throttled",
        ChatFailure.Timeout => "timeout",
        ChatFailure.Unavailable => "unavailable",
        ChatFailure.Unauthorized => "unauthorized",
        ChatFailure.BadRequest => "bad_request",
        ChatFailure.BadResponse => "bad_response",
        ChatFailure.CircuitOpen => "circuit_open",
        _ => "error",
    };

    private static string CodeFor(ChatFailure failure) => failure switch
    {
        ChatFailure.NotConfigured => ErrorCodes.NotConfigured,
        ChatFailure.Throttled => ErrorCodes.ProviderThrottled,
        ChatFailure.Timeout => ErrorCodes.ProviderTimeout,
        ChatFailure.Unauthorized => ErrorCodes.ProviderUnauthorized,
        ChatFailure.BadRequest => ErrorCodes.ProviderRejected,
        ChatFailure.BadResponse => ErrorCodes.ProviderBadResponse,
        _ => ErrorCodes.ProviderUnavailable,
    };
}
