namespace VoiceMemory.Harness.Verification;

/// <summary>Everything a run left in the data root, counted from the database and the files themselves.</summary>
internal sealed record DataRootSnapshot(
    IReadOnlyList<TurnRow> Turns,
    IReadOnlyDictionary<string, JobRow> Jobs,
    IReadOnlyDictionary<string, IReadOnlyList<string>> FactsBySourceTurn,
    int FactCount,
    IReadOnlyDictionary<string, int> JournalEntries,
    IReadOnlyDictionary<string, int> ReplyAudioFiles,
    IReadOnlyDictionary<string, int> InputAudioFiles,
    int LeftoverTempFiles,
    int EngineWorkspaces)
{
    public int JournalEntryCount => JournalEntries.Values.Sum();

    public int ReplyAudioCount => ReplyAudioFiles.Values.Sum();

    public int InputAudioCount => InputAudioFiles.Values.Sum();
}
