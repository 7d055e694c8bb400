using System.Globalization;
using VoiceMemory.Harness.Reporting;

namespace VoiceMemory.Harness.Verification;

/// <summary>Writes an <see cref="ExactlyOnceResult"/> into a summary the same way in every scenario.</summary>
internal static class ExactlyOnceReport
{
    public static void AddTo(Summary summary, ExactlyOnceResult result, DataRootSnapshot snapshot, bool expectNoFailures)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(snapshot);
        var failedCodes = result.FailedByCode.Count == 0
            ? "none"
            : string.Join(", ", result.FailedByCode.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}×{f.Value}")));
        summary
            .Figure("completed / failed (data root)", $"{result.Completed} / {result.Failed} (failed codes: {failedCodes})")
            .Figure("lost (accepted, never finished)", $"{result.Lost} (no record: {result.MissingRecords})")
            .Figure("duplicated", $"{result.Duplicated} (records per key >1: {result.DuplicateRecords}, journal >1: {result.JournalDuplicated}, reply audio >1: {result.ReplyAudioDuplicated}, fact sets >1: {result.FactsDuplicated})")
            .Figure("data root counts", $"{snapshot.Turns.Count} turn records, {snapshot.JournalEntryCount} journal entries, {snapshot.ReplyAudioCount} reply audio files, {snapshot.InputAudioCount} input audio files, {snapshot.FactCount} facts")
            .Figure("effects missing on completed turns", $"journal {result.JournalMissing}, reply audio {result.ReplyAudioMissing}, note fact {result.FactsMissing} (of {result.TypedTurns} typed notes)")
            .Figure("records for keys never accepted", $"{result.RecordsForKeysNeverAccepted}")
            .Figure("orphan input audio", $"{result.OrphanInputAudio}")
            .Figure("leftover temp files", $"{snapshot.LeftoverTempFiles} atomic-write/upload temp files; {snapshot.EngineWorkspaces} engine workspaces in tmp/ (the server sweeps them after 1 h)")
            .Figure("jobs rescheduled after a failed run", $"{result.JobsRescheduled}");
        summary
            .Expect("lost == 0", result.Lost == 0, $"{result.Lost} of {result.Accepted} accepted")
            .Expect("duplicated == 0", result.Duplicated == 0, $"{result.Duplicated}")
            .Expect("client turn id == stored turn id", result.TurnIdMismatches == 0, $"{result.TurnIdMismatches} mismatches")
            .Expect("each completed turn: 1 journal entry, 1 reply audio, its note fact", result.EffectsMissing == 0, $"{result.EffectsMissing} effects missing");
        if (expectNoFailures)
        {
            summary.Expect("every accepted turn completed", result.Completed == result.Accepted, $"{result.Completed} of {result.Accepted} completed, {result.Failed} failed ({failedCodes})");
        }
    }
}
