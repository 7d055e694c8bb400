using Microsoft.DurableTask;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// The retry policies of the turn's activity calls. Only failures the activity marked transient are retried
/// (<see cref="RetryPolicy.HandleFailure"/>); a permanent one fails the turn at once with its code. Each retry is a
/// durable timer, so a waiting turn holds no worker.
/// </summary>
internal static class StepRetry
{
    /// <summary>The work steps: 4 attempts, 2 s → 4 s → 8 s (providers' own HTTP retries run inside each attempt).</summary>
    public static readonly RetryPolicy WorkPolicy = new(maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = StepFailure.IsTransient,
    };

    /// <summary>Marking a turn failed is a single table write: more attempts, since it is the turn's last word.</summary>
    public static readonly RetryPolicy FailPolicy = new(maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(2), backoffCoefficient: 2.0, maxRetryInterval: TimeSpan.FromMinutes(1))
    {
        HandleFailure = StepFailure.IsTransient,
    };

    public static readonly TaskOptions Work = TaskOptions.FromRetryPolicy(WorkPolicy);

    public static readonly TaskOptions Fail = TaskOptions.FromRetryPolicy(FailPolicy);
}
