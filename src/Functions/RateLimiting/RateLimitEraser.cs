using VoiceMemory.Api;

namespace VoiceMemory.Functions.RateLimiting;

/// <summary>Erasure removes the user's rate-limit bucket.</summary>
public sealed class RateLimitEraser(UserRateLimiter limiter) : IUserDataEraser
{
    public Task EraseAsync(string userId, CancellationToken cancellationToken) => limiter.EraseAsync(userId, cancellationToken);
}
