namespace VoiceMemory.Maintenance;

/// <summary>
/// What one retention run deleted. <see cref="Backups"/> counts complete backups past the keep period and pending
/// backups abandoned by a crash. <see cref="Extensions"/> holds the counts of host extensions by kind.
/// </summary>
public sealed record RetentionResult(int InputAudio, int ReplyAudio, int Turns, int Backups)
{
    public IReadOnlyDictionary<string, int> Extensions { get; init; } = new Dictionary<string, int>();
}
