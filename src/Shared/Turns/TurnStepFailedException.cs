namespace VoiceMemory.Turns;

/// <summary>A workflow step failed after its retries. <see cref="Code"/> is the stable error code recorded on the turn.</summary>
public sealed class TurnStepFailedException : Exception
{
    public TurnStepFailedException(string step, string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Step = step;
        Code = code;
    }

    public TurnStepFailedException() : this("unknown", ErrorCodes.Internal, "A step failed.") { }

    public TurnStepFailedException(string message) : this("unknown", ErrorCodes.Internal, message) { }

    public TurnStepFailedException(string message, Exception innerException) : this("unknown", ErrorCodes.Internal, message, innerException) { }

    /// <summary>The step that failed: understand, respond, speak or remember.</summary>
    public string Step { get; }

    /// <summary>The stable error code (see <see cref="ErrorCodes"/>).</summary>
    public string Code { get; }
}
