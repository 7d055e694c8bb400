namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// What the read-only part observed: whether the kernel let the volume go read-only under the running server (if not,
/// whether the file folders could), the answers to submissions while read-only, what a start on a read-only volume
/// did (tried when the volume could not go read-only under the server), and which turns were in flight.
/// </summary>
internal sealed record ReadOnlyOutcome(
    string? RemountWhileRunningRefusal,
    string? FoldersReadOnlyRefusal,
    IReadOnlyList<SubmissionAnswer> AnswersWhileReadOnly,
    int? StartExitCode,
    string StartError,
    IReadOnlyList<string> InFlightIds);
