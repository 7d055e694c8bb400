using VoiceMemory.Configuration;

namespace VoiceMemory.Http;

/// <summary>The resilience of one provider channel: per-attempt timeout, attempts, backoff, Retry-After cap and breaker.</summary>
public sealed record ResilienceSettings(
    TimeSpan AttemptTimeout,
    int MaxAttempts,
    TimeSpan RetryDelay,
    TimeSpan MaxRetryAfter,
    double FailureRatio,
    int MinimumThroughput,
    TimeSpan SamplingDuration,
    TimeSpan BreakDuration)
{
    /// <summary>Settings from a provider's timeout, attempts and <see cref="ResilienceOptions"/>.</summary>
    public static ResilienceSettings From(int timeoutSeconds, int maxAttempts, ResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            TimeSpan.FromSeconds(timeoutSeconds),
            maxAttempts,
            TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            TimeSpan.FromSeconds(options.MaxRetryAfterSeconds),
            options.FailureRatio,
            options.MinimumThroughput,
            TimeSpan.FromSeconds(options.SamplingSeconds),
            TimeSpan.FromSeconds(options.BreakSeconds));
    }

    /// <summary>An upper bound of one call's wall time through the pipeline (all attempts and waits), for outer timeouts.</summary>
    public TimeSpan Budget =>
        (AttemptTimeout * MaxAttempts) + (Max(MaxRetryAfter, RetryDelay * 8) * Math.Max(0, MaxAttempts - 1)) + TimeSpan.FromSeconds(5);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
