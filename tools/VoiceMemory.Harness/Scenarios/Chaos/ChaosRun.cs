using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Verification;

namespace VoiceMemory.Harness.Scenarios.Chaos;

/// <summary>Everything the chaos scenario measured, handed to its report.</summary>
internal sealed record ChaosRun(
    IReadOnlyList<SubmitOutcome> Outcomes,
    IReadOnlyList<KillRecord> Kills,
    IReadOnlyDictionary<string, TurnStatusBody?> Statuses,
    (int Listed, int Unfinished, int Failed) Census,
    DataRootSnapshot Snapshot,
    ExactlyOnceResult Result,
    TrafficCounters Counters,
    TimeSpan Drain,
    int ResumedFromCheckpoints,
    int OrphanSweeps,
    bool CrashedBeforeStop,
    int Starts,
    string DataRoot);
