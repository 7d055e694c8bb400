using VoiceMemory.Harness.Client;

namespace VoiceMemory.Harness.Verification;

/// <summary>Checks every accepted submission against the data root: one record per key, finished, and each effect exactly once.</summary>
internal static class ExactlyOnceCheck
{
    public static ExactlyOnceResult Evaluate(IReadOnlyCollection<SubmitOutcome> outcomes, DataRootSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(snapshot);
        var accepted = outcomes.Where(o => o.Result == SubmitResult.Accepted).ToList();
        var acceptedKeys = accepted.Select(o => o.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        var rowsByKey = snapshot.Turns.Where(t => t.IdempotencyKey is not null)
            .GroupBy(t => t.IdempotencyKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        int completed = 0, failed = 0, lost = 0, missing = 0, duplicates = 0, mismatches = 0;
        int journalMissing = 0, journalDuplicated = 0, audioMissing = 0, audioDuplicated = 0;
        int typed = 0, factsMissing = 0, factsDuplicated = 0;
        var failedByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var outcome in accepted)
        {
            if (!rowsByKey.TryGetValue(outcome.IdempotencyKey, out var rows))
            {
                missing++;
                lost++;
                continue;
            }

            duplicates += rows.Count > 1 ? 1 : 0;
            var row = rows[0];
            mismatches += rows.Any(r => r.TurnId == outcome.TurnId) ? 0 : 1;
            switch (row.State)
            {
                case "completed":
                    completed++;
                    break;
                case "failed":
                    failed++;
                    failedByCode[row.ErrorCode ?? "(none)"] = failedByCode.GetValueOrDefault(row.ErrorCode ?? "(none)") + 1;
                    break;
                default:
                    lost++;
                    break;
            }

            var journal = snapshot.JournalEntries.GetValueOrDefault(row.TurnId);
            var audio = snapshot.ReplyAudioFiles.GetValueOrDefault(row.TurnId);
            journalDuplicated += journal > 1 ? 1 : 0;
            audioDuplicated += audio > 1 ? 1 : 0;
            if (row.State == "completed" && row.ReplySource != "none")
            {
                journalMissing += journal == 0 ? 1 : 0;
                audioMissing += row.ReplyAudioKey is not null && audio == 0 ? 1 : 0;
            }

            if (outcome.Payload.ExpectedFact is { } expected)
            {
                typed++;
                var facts = snapshot.FactsBySourceTurn.GetValueOrDefault(row.TurnId) ?? [];
                var matching = facts.Count(f => string.Equals(f.TrimEnd('.'), expected, StringComparison.OrdinalIgnoreCase));
                factsMissing += row.State == "completed" && matching == 0 ? 1 : 0;
                factsDuplicated += facts.Count > 1 ? 1 : 0;
            }
        }

        var knownTurns = snapshot.Turns.Select(t => t.TurnId).ToHashSet(StringComparer.Ordinal);
        return new ExactlyOnceResult(
            accepted.Count,
            completed,
            failed,
            failedByCode,
            lost,
            missing,
            duplicates,
            mismatches,
            journalMissing,
            journalDuplicated,
            audioMissing,
            audioDuplicated,
            typed,
            factsMissing,
            factsDuplicated,
            snapshot.Turns.Count(t => t.IdempotencyKey is null || !acceptedKeys.Contains(t.IdempotencyKey)),
            snapshot.InputAudioFiles.Keys.Count(id => !knownTurns.Contains(id)),
            snapshot.Jobs.Values.Count(j => j.Attempts > 0));
    }
}
