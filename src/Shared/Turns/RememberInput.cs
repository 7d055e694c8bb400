namespace VoiceMemory.Turns;

/// <summary>Input of the <c>remember</c> step: everything the turn produced, and the timings so far.</summary>
public sealed record RememberInput(
    TurnRequest Request,
    Transcript Transcript,
    Reply Reply,
    SafetyOutcome Safety,
    AudioRef ReplyAudio,
    StageTimings Timings);
