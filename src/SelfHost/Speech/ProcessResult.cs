namespace VoiceMemory.SelfHost.Speech;

/// <summary>A finished engine process: exit code, captured output (capped) and how long it ran.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed);
