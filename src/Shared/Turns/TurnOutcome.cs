namespace VoiceMemory.Turns;

/// <summary>What the workflow returns: the final state, reply source and error, if any.</summary>
public sealed record TurnOutcome(string TurnId, TurnState State, ReplySource? ReplySource, TurnError? Error)
{
    public static TurnOutcome Completed(string turnId, ReplySource source) => new(turnId, TurnState.Completed, source, null);

    public static TurnOutcome Failed(string turnId, TurnError error) => new(turnId, TurnState.Failed, null, error);
}
