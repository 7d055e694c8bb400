namespace VoiceMemory.Turns;

/// <summary>
/// The input of one turn's workflow. Small and serializable: audio travels by reference.
/// Exactly one of <see cref="InputAudio"/> and <see cref="TypedText"/> is set.
/// </summary>
public sealed record TurnRequest(
    string TurnId,
    string UserId,
    string Locale,
    DateTimeOffset CreatedAt,
    AudioRef? InputAudio,
    string? TypedText)
{
    /// <summary>True for a typed turn: the transcribe step is skipped.</summary>
    public bool IsTyped => TypedText is not null;
}
