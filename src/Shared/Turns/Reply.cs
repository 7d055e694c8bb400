namespace VoiceMemory.Turns;

/// <summary>The reply text and who produced it.</summary>
public sealed record Reply(string Text, ReplySource Source)
{
    /// <summary>The empty reply of a turn without speech.</summary>
    public static Reply None { get; } = new(string.Empty, ReplySource.None);
}
