using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Functions.RateLimiting;

/// <summary>
/// The per-user rate limit shared by every instance of the app: a token bucket of
/// <see cref="LimitsOptions.RequestsPerMinute"/> tokens refilled evenly over a minute (as in the self-host), kept in one
/// table entity per user and updated with optimistic concurrency (ETag), so scale-out does not multiply the limit.
/// A refused request is <c>rate_limited</c> (429) with Retry-After and counts in <c>voicememory.requests.rate_limited</c>.
/// </summary>
public sealed partial class UserRateLimiter(HostTables tables, IOptions<LimitsOptions> limits, TimeProvider time, ILogger<UserRateLimiter> logger)
{
    private const string Row = "bucket";
    private const int MaxAttempts = 8;

    /// <summary>Takes one token for <paramref name="userId"/>.</summary>
    /// <exception cref="ApiProblem"><c>rate_limited</c> with the wait until a token is free.</exception>
    public async Task AcquireAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.RateLimits, cancellationToken);
        var capacity = (double)limits.Value.RequestsPerMinute;
        var perSecond = capacity / 60.0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(userId, Row, cancellationToken: cancellationToken);
            var tokens = capacity;
            if (stored.HasValue && stored.Value is { } bucket)
            {
                var at = bucket.GetDateTimeOffset("At") ?? now;
                var elapsed = Math.Max(0, (now - at).TotalSeconds);
                tokens = Math.Min(capacity, (bucket.GetDouble("Tokens") ?? capacity) + elapsed * perSecond);
            }

            if (tokens < 1)
            {
                Refuse(TimeSpan.FromSeconds((1 - tokens) / perSecond));
            }

            var entity = new TableEntity(userId, Row) { ["Tokens"] = tokens - 1, ["At"] = now };
            try
            {
                if (stored.HasValue && stored.Value is { } existing)
                {
                    await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException conflict) when (conflict.Status is 409 or 412)
            {
                // Another instance took a token between our read and write: read again.
                LogContention(userId, attempt);
            }
        }

        // Sustained contention on one user's bucket means far more requests than the limit allows.
        Refuse(TimeSpan.FromSeconds(1));
    }

    /// <summary>Deletes the user's bucket (erasure).</summary>
    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(HostTables.RateLimits, cancellationToken);
        await table.DeleteEntityAsync(userId, Row, ETag.All, cancellationToken);
    }

    private static void Refuse(TimeSpan wait)
    {
        VoiceMemoryTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("host", "functions"));
        throw new ApiProblem(ErrorCodes.RateLimited, "Too many requests; slow down and retry later.", wait);
    }

    [LoggerMessage(EventId = 8601, Level = LogLevel.Debug, Message = "Rate bucket of {UserId} changed under us (attempt {Attempt}); retrying")]
    private partial void LogContention(string userId, int attempt);
}
