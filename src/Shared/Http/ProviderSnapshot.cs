using Polly.CircuitBreaker;

namespace VoiceMemory.Http;

/// <summary>A provider channel's breaker state and last outcomes, as its health check sees them.</summary>
public sealed record ProviderSnapshot(CircuitState Circuit, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, string? LastFailureCode)
{
    /// <summary>True when the most recent recorded call failed.</summary>
    public bool LastCallFailed => LastFailureAt is { } failed && (LastSuccessAt is not { } ok || failed >= ok);
}
