namespace VoiceMemory.Harness.Client;

/// <summary>
/// How a client retries a submission (always with the same Idempotency-Key): no answer → exponential backoff;
/// 429 → wait Retry-After; 5xx → retried only when <see cref="RetryServerErrors"/>, honouring Retry-After.
/// <see cref="AbortFirstAttemptAfter"/> simulates a flaky network: the first attempt is cut off by the client, which
/// cannot know whether the server stored it, so it retries. <see cref="DeliverTwice"/> sends the request once more
/// after a 202, as a client does whose response was lost, and checks the same turn comes back.
/// </summary>
internal sealed record SubmitPolicy(
    TimeSpan Deadline,
    bool RetryServerErrors = true,
    TimeSpan? AbortFirstAttemptAfter = null,
    bool DeliverTwice = false);
