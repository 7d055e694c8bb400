using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Api;

/// <summary>Per-user rate limit: a token bucket of <see cref="LimitsOptions.RequestsPerMinute"/> refilled evenly over a minute; 429 + Retry-After.</summary>
public static class RateLimiting
{
    public const string PerUserPolicy = "per-user";

    public static IServiceCollection AddPerUserRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PerUserPolicy, context =>
            {
                var perMinute = context.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.RequestsPerMinute;
                var user = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(user, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perMinute,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                VoiceMemoryTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>("host", "selfhost"));
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                await ProblemWriter.WriteAsync(rejected.HttpContext, ErrorCodes.RateLimited, "Too many requests; slow down and retry later.", retryAfter);
            };
        });
        return services;
    }
}
