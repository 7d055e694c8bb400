using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceMemory.Http;

/// <summary>
/// Builds the Polly pipeline of one provider channel: retry (outermost; exponential backoff with jitter, or the
/// server's Retry-After when it is within the cap) → circuit breaker → per-attempt timeout (innermost).
/// </summary>
public static class ProviderPipeline
{
    /// <summary>Builds the pipeline; <paramref name="stateProvider"/> exposes the breaker's state to health checks.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceSettings settings, TimeProvider timeProvider, CircuitBreakerStateProvider stateProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, settings, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, timeProvider) : null),
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = settings.FailureRatio,
            MinimumThroughput = settings.MinimumThroughput,
            SamplingDuration = settings.SamplingDuration,
            BreakDuration = settings.BreakDuration,
            StateProvider = stateProvider,
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
        });
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>True for an outcome that counts against the breaker: no answer, a timeout, throttling or a server error.</summary>
    public static bool IsFailure(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutRejectedException => true,
        null => outcome.Result is { } response && IsTransientStatus(response.StatusCode),
        _ => false,
    };

    /// <summary>408, 429 and 5xx.</summary>
    public static bool IsTransientStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceSettings settings, TimeProvider timeProvider)
    {
        if (!IsFailure(outcome))
        {
            return false;
        }

        // A hint longer than the cap is not waited out: the caller fails fast and the chain moves on.
        return outcome.Result is not { } response
            || RetryAfterHeader.Read(response, timeProvider) is not { } hint
            || hint <= settings.MaxRetryAfter;
    }
}
