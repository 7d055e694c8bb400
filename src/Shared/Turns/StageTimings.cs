namespace VoiceMemory.Turns;

/// <summary>Milliseconds spent per stage, measured inside the activities. Null: the stage did not run.</summary>
public sealed record StageTimings(
    long? Transcribe = null,
    long? Screen = null,
    long? Recall = null,
    long? Reply = null,
    long? Speak = null,
    long? Remember = null,
    long? Total = null);
