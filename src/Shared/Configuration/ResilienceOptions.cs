using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>
/// Retry and circuit-breaker settings of one cloud provider (<c>VoiceMemory:{Speech|Llm|Safety}:Resilience</c>).
/// The per-attempt timeout and the number of attempts are the provider's own <c>TimeoutSeconds</c> and <c>MaxAttempts</c>.
/// </summary>
public sealed class ResilienceOptions
{
    /// <summary>First retry delay; later ones grow exponentially (with jitter). A Retry-After header overrides it.</summary>
    [Range(1, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>
    /// The longest Retry-After the call waits for. A longer hint is not waited out: the call fails as throttled at once,
    /// so the reply chain moves on to its next link.
    /// </summary>
    [Range(0, 600)]
    public int MaxRetryAfterSeconds { get; set; } = 10;

    /// <summary>Share of failed attempts within <see cref="SamplingSeconds"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts within <see cref="SamplingSeconds"/> before the breaker may open.</summary>
    [Range(2, 1000)]
    public int MinimumThroughput { get; set; } = 4;

    /// <summary>Window in which failures are counted.</summary>
    [Range(1, 3600)]
    public int SamplingSeconds { get; set; } = 30;

    /// <summary>How long an open circuit fails calls fast before one trial call is let through.</summary>
    [Range(1, 3600)]
    public int BreakSeconds { get; set; } = 30;
}
