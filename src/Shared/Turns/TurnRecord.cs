namespace VoiceMemory.Turns;

/// <summary>
/// Everything the turn store keeps about one turn. Activities update it with <c>with</c> expressions
/// and save it whole (an upsert keyed by user and turn id), so every write is idempotent.
/// </summary>
public sealed record TurnRecord
{
    public required string TurnId { get; init; }
    public required string UserId { get; init; }
    public required TurnState State { get; init; }
    public TurnStage? Stage { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public required string Locale { get; init; }
    public string? IdempotencyKey { get; init; }
    public AudioRef? InputAudio { get; init; }
    /// <summary>True when the turn was typed (text/plain) rather than spoken.</summary>
    public bool Typed { get; init; }
    public Transcript? Transcript { get; init; }
    public Reply? Reply { get; init; }
    public SafetyOutcome? Safety { get; init; }
    public AudioRef? ReplyAudio { get; init; }
    public StageTimings Timings { get; init; } = new();
    public TurnError? Error { get; init; }

    /// <summary>True once the turn can change no more.</summary>
    public bool IsFinished => State is TurnState.Completed or TurnState.Failed;
}
