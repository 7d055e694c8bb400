namespace VoiceMemory.Turns;

/// <summary>Rebuilds a workflow request from a stored turn (re-scheduling after a crash, idempotent retries).</summary>
public static class TurnRequests
{
    /// <summary>The request that started <paramref name="turn"/>. A typed turn's text is held in its transcript.</summary>
    public static TurnRequest From(TurnRecord turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnRequest(turn.TurnId, turn.UserId, turn.Locale, turn.CreatedAt, turn.InputAudio, turn.Typed ? turn.Transcript?.Text ?? string.Empty : null);
    }
}
