using System.Globalization;
using System.Net.Http.Headers;

namespace VoiceMemory.Http;

/// <summary>Reads a server's retry hint: <c>retry-after-ms</c> (Azure OpenAI) or <c>Retry-After</c> (seconds or an HTTP date).</summary>
public static class RetryAfterHeader
{
    /// <summary>The hinted delay, or null when the response gives none.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return FromHeader(response.Headers.RetryAfter, timeProvider);
    }

    /// <summary>Parses raw header values (for clients that expose headers as strings).</summary>
    public static TimeSpan? Parse(string? retryAfterMs, string? retryAfter, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (double.TryParse(retryAfterMs, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        return retryAfter is not null && RetryConditionHeaderValue.TryParse(retryAfter, out var value)
            ? FromHeader(value, timeProvider)
            : null;
    }

    private static TimeSpan? FromHeader(RetryConditionHeaderValue? value, TimeProvider timeProvider)
    {
        if (value?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (value?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
