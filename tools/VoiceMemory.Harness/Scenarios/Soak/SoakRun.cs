using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Verification;

namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>Everything the soak measured, handed to its report.</summary>
internal sealed record SoakRun(
    double RequestedMinutes,
    TimeSpan Elapsed,
    IReadOnlyList<SoakSample> Samples,
    int SkippedTicks,
    IReadOnlyList<SubmitOutcome> Accepted,
    IReadOnlyDictionary<string, TurnStatusBody?> Statuses,
    IReadOnlyList<(double Minutes, double Megabytes)> Memory,
    (double Server, double Engines)? CpuSeconds,
    (int Listed, int Unfinished, int Failed) Census,
    DataRootSnapshot Snapshot,
    ExactlyOnceResult Result,
    string DataRoot);
