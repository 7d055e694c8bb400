namespace VoiceMemory.Harness.Verification;

/// <summary>
/// Accepted turns against what the data root holds. Lost = accepted (202) but with no record, or a record that is
/// neither completed nor failed. Duplicated = more than one record for one Idempotency-Key, or more than one journal
/// entry, reply audio file or fact set for one turn.
/// </summary>
internal sealed record ExactlyOnceResult(
    int Accepted,
    int Completed,
    int Failed,
    IReadOnlyDictionary<string, int> FailedByCode,
    int Lost,
    int MissingRecords,
    int DuplicateRecords,
    int TurnIdMismatches,
    int JournalMissing,
    int JournalDuplicated,
    int ReplyAudioMissing,
    int ReplyAudioDuplicated,
    int TypedTurns,
    int FactsMissing,
    int FactsDuplicated,
    int RecordsForKeysNeverAccepted,
    int OrphanInputAudio,
    int JobsRescheduled)
{
    public int Duplicated => DuplicateRecords + JournalDuplicated + ReplyAudioDuplicated + FactsDuplicated;

    /// <summary>Side effects a completed turn should have but does not.</summary>
    public int EffectsMissing => JournalMissing + ReplyAudioMissing + FactsMissing;
}
