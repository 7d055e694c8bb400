namespace VoiceMemory;

/// <summary>
/// A typed failure with a stable <see cref="Code"/> (see <see cref="ErrorCodes"/>). <see cref="IsTransient"/>
/// tells retry policies whether trying again may help.
/// </summary>
public class VoiceMemoryException : Exception
{
    public VoiceMemoryException(string code, string message, bool isTransient = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        IsTransient = isTransient;
    }

    public VoiceMemoryException() : this(ErrorCodes.Internal, "An error occurred.") { }

    public VoiceMemoryException(string message) : this(ErrorCodes.Internal, message) { }

    public VoiceMemoryException(string message, Exception innerException) : this(ErrorCodes.Internal, message, false, innerException) { }

    /// <summary>The stable error code.</summary>
    public string Code { get; }

    /// <summary>True when the same call may succeed if tried again (throttling, timeouts, outages).</summary>
    public bool IsTransient { get; }
}
