namespace VoiceMemory.Functions.Orchestration;

/// <summary>An activity failed in a way that trying again may fix (throttling, timeouts, storage blips). Its message is <c>[code] detail</c>.</summary>
public sealed class TransientStepException : Exception
{
    public TransientStepException() : base("[step_failed] A step failed.") { }

    public TransientStepException(string message) : base(message) { }

    public TransientStepException(string message, Exception? innerException) : base(message, innerException) { }
}
