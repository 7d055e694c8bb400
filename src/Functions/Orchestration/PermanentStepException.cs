namespace VoiceMemory.Functions.Orchestration;

/// <summary>An activity failed in a way that trying again cannot fix (bad audio, unsupported locale). Its message is <c>[code] detail</c>.</summary>
public sealed class PermanentStepException : Exception
{
    public PermanentStepException() : base("[step_failed] A step failed.") { }

    public PermanentStepException(string message) : base(message) { }

    public PermanentStepException(string message, Exception? innerException) : base(message, innerException) { }
}
