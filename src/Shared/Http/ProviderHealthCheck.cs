using System.Globalization;
using Polly.CircuitBreaker;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Http;

/// <summary>
/// Health of one cloud provider from what its real calls saw: the circuit breaker's state and the last call's outcome.
/// It sends nothing itself — a probe call to a paid AI API would cost money and spend the rate limit that turns need,
/// and every real call (including the failures the reply chain and safety screen absorb) already lands here.
/// Open circuit → unhealthy; half-open or a failed last call → degraded; otherwise healthy.
/// </summary>
public sealed class ProviderHealthCheck(ProviderChannel channel, bool critical) : IDependencyCheck
{
    public string Name => channel.Name;

    public bool Critical => critical;

    public Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        var snapshot = channel.Snapshot();
        var health = snapshot.Circuit switch
        {
            CircuitState.Open or CircuitState.Isolated => DependencyHealth.Unhealthy(
                $"circuit open after repeated failures (last: {snapshot.LastFailureCode ?? "unknown"} at {Format(snapshot.LastFailureAt)})"),
            CircuitState.HalfOpen => DependencyHealth.Degraded("circuit half-open: a trial call is under way"),
            _ when snapshot.LastCallFailed => DependencyHealth.Degraded(
                $"last call failed: {snapshot.LastFailureCode} at {Format(snapshot.LastFailureAt)}"),
            _ when snapshot.LastSuccessAt is { } ok => DependencyHealth.Healthy($"last call succeeded at {Format(ok)}"),
            _ => DependencyHealth.Healthy("configured; no calls yet"),
        };
        return Task.FromResult(health);
    }

    private static string Format(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture) ?? "unknown";
}
