namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// What the read-only part observed: whether the kernel let the data root go read-only under the running server (and
/// then the answers), what a start on a read-only data root did, and which turns were in flight.
/// </summary>
internal sealed record ReadOnlyOutcome(
    string? RemountWhileRunningRefusal,
    IReadOnlyList<SubmissionAnswer> AnswersWhileReadOnly,
    int? StartExitCode,
    string StartError,
    IReadOnlyList<string> InFlightIds);
