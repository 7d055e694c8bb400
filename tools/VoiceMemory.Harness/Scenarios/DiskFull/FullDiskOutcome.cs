namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>What the disk-full part observed, from filling the volume to the recovery after the space came back.</summary>
internal sealed record FullDiskOutcome(
    long FillerBytes,
    long FreeAfterFill,
    int InFlightAccepted,
    int InFlightUnfinishedAtFill,
    IReadOnlyList<string> InFlightIds,
    IReadOnlyList<SubmissionAnswer> AnswersWhileFull,
    int StatusReadsOk,
    int StatusReadsFailed,
    int HealthStatusWhileFull,
    string HealthWhileFull,
    bool AliveWhileFull,
    TimeSpan? HealthyAfter,
    TimeSpan? FirstAcceptedAfter,
    int RetriedAccepted,
    int Retried);
