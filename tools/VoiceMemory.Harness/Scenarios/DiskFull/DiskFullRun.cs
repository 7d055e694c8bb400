using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Verification;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>Everything the disk-full scenario measured, handed to its report.</summary>
internal sealed record DiskFullRun(
    int TmpfsMegabytes,
    string DataRoot,
    int BaselineAccepted,
    FullDiskOutcome Full,
    ReadOnlyOutcome ReadOnly,
    IReadOnlyDictionary<string, VoiceMemory.Api.TurnStatusBody?> FinalStatuses,
    (int Listed, int Unfinished, int Failed) Census,
    DataRootSnapshot Snapshot,
    ExactlyOnceResult Result,
    TrafficCounters Counters,
    int UnhandledErrorsLogged,
    int CrashesLogged);
