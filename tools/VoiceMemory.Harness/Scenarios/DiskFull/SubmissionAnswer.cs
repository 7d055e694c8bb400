namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>How one submission was answered while the storage was impaired.</summary>
internal sealed record SubmissionAnswer(string IdempotencyKey, int Status, string? Code, bool ProblemJson);
