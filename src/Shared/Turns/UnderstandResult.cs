using VoiceMemory.Safety;

namespace VoiceMemory.Turns;

/// <summary>
/// Output of the <c>understand</c> step. An empty transcript means the turn has already been completed with
/// no reply; a non-null <see cref="CrisisReply"/> means the crisis short-circuit applies (no LLM call).
/// </summary>
public sealed record UnderstandResult(
    Transcript Transcript,
    SafetyVerdict Verdict,
    Reply? CrisisReply,
    long? TranscribeMs,
    long ScreenMs);
