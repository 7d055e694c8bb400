using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Microsoft.Extensions.Http.Resilience;
using Polly.Timeout;

namespace VoiceMemory.Http;

/// <summary>
/// Configures the resilience pipeline of one provider channel, which <c>Microsoft.Extensions.Http.Resilience</c>'s
/// <c>AddResilienceHandler</c> runs for the channel's HttpClient: retry (outermost; exponential backoff with jitter, or
/// the server's Retry-After when it is within the cap) → circuit breaker → per-attempt timeout (innermost). The
/// strategies are the library's HTTP ones; what stays ours is the policy (decision 0013): which outcomes count, the
/// Retry-After cap and the retry-after-ms header of Azure OpenAI.
/// </summary>
public static class ProviderPipeline
{
    /// <summary>Adds the strategies to <paramref name="builder"/>; <paramref name="stateProvider"/> exposes the breaker's state to health checks.</summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ResilienceSettings settings,
        TimeProvider timeProvider,
        CircuitBreakerStateProvider stateProvider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        builder.TimeProvider = timeProvider;
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryDelay,
                // Our generator reads both retry-after-ms and Retry-After (and applies the cap in ShouldRetry).
                ShouldRetryAfterHeader = false,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, settings, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, timeProvider) : null),
            });
        }

        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = settings.FailureRatio,
            MinimumThroughput = settings.MinimumThroughput,
            SamplingDuration = settings.SamplingDuration,
            BreakDuration = settings.BreakDuration,
            StateProvider = stateProvider,
            ShouldHandle = args => ValueTask.FromResult(IsFailure(args.Outcome)),
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = settings.AttemptTimeout });
        return builder;
    }

    /// <summary>A standalone pipeline with the same strategies (outside an HttpClient).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(ResilienceSettings settings, TimeProvider timeProvider, CircuitBreakerStateProvider stateProvider) =>
        Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), settings, timeProvider, stateProvider).Build();
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
