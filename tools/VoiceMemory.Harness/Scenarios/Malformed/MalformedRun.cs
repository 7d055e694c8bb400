using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Verification;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Everything the malformed scenario measured, handed to its report.</summary>
internal sealed record MalformedRun(
    IReadOnlyList<CaseVerdict> Verdicts,
    IReadOnlyList<(string Format, int Status, string? TurnId)> Controls,
    IReadOnlyDictionary<string, TurnStatusBody?> ControlStatuses,
    ApiAnswer Health,
    bool ServerAlive,
    int TurnsListedForMalformedUser,
    DataRootSnapshot Snapshot,
    int ServerErrorsLogged,
    TrafficCounters Counters,
    string DataRoot);
