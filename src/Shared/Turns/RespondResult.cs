namespace VoiceMemory.Turns;

/// <summary>Output of the <c>respond</c> step. <see cref="FallbackReason"/> says why the fallback responder answered, if it did.</summary>
public sealed record RespondResult(
    Reply Reply,
    SafetyOutcome Safety,
    long RecallMs,
    long ReplyMs,
    long ScreenMs,
    string? FallbackReason);
