namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// An engine process exited with a non-zero code. <see cref="StandardErrorTail"/> is the end of what the engine
/// printed, with the workspace path removed; it is kept out of <see cref="Exception.Message"/> so that messages,
/// which can reach clients and logs, carry no engine chatter.
/// </summary>
public sealed class EngineProcessException : VoiceMemoryException
{
    public EngineProcessException(string engine, int exitCode, string standardErrorTail)
        : base(ErrorCodes.Internal, $"The engine '{engine}' exited with code {exitCode}.")
    {
        Engine = engine;
        ExitCode = exitCode;
        StandardErrorTail = standardErrorTail;
    }

    /// <summary>The executable's file name.</summary>
    public string Engine { get; }

    public int ExitCode { get; }

    /// <summary>The last few hundred characters of standard error.</summary>
    public string StandardErrorTail { get; }
}
