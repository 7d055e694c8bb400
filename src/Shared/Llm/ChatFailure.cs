namespace VoiceMemory.Llm;

/// <summary>Why a chat call failed: each falls through to the next link of the reply chain.</summary>
public enum ChatFailure
{
    NotConfigured,
    Throttled,
    Timeout,
    Unavailable,
    Unauthorized,
    BadRequest,
    BadResponse,
    CircuitOpen,
}
