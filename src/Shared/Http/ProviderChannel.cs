using System.Net;
using Polly.CircuitBreaker;

namespace VoiceMemory.Http;

/// <summary>
/// One provider endpoint's shared resilience state: its settings, the state of its circuit breaker (the breaker lives
/// in the HttpClient's resilience pipeline, one per channel, shared by every handler instance) and the outcome of its
/// last call, which its health check reports.
/// Register one per provider as a singleton.
/// </summary>
public sealed class ProviderChannel
{
    private readonly CircuitBreakerStateProvider circuit = new();
    private readonly TimeProvider timeProvider;
    private readonly Lock gate = new();
    private DateTimeOffset? lastSuccessAt;
    private DateTimeOffset? lastFailureAt;
    private string? lastFailureCode;

    public ProviderChannel(string name, ResilienceSettings settings, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(settings);
        Name = name;
        Settings = settings;
        this.timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>The channel name (see <see cref="ProviderNames"/>).</summary>
    public string Name { get; }

    public ResilienceSettings Settings { get; }

    /// <summary>Attached to the channel's circuit breaker (<see cref="ProviderPipeline.Configure"/>); one breaker only.</summary>
    public CircuitBreakerStateProvider CircuitStateProvider => circuit;

    /// <summary>The circuit breaker's state (Closed before the first call).</summary>
    public CircuitState CircuitState => circuit.CircuitState;

    /// <summary>The clock of this channel.</summary>
    public TimeProvider TimeProvider => timeProvider;

    /// <summary>Records the final HTTP status of a call: server errors, throttling, auth failures and a missing resource count as failures.</summary>
    public void RecordStatus(HttpStatusCode status)
    {
        var code = status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorCodes.ProviderUnauthorized,
            HttpStatusCode.NotFound => ErrorCodes.ProviderRejected,
            HttpStatusCode.RequestTimeout => ErrorCodes.ProviderTimeout,
            HttpStatusCode.TooManyRequests => ErrorCodes.ProviderThrottled,
            _ when (int)status >= 500 => ErrorCodes.ProviderUnavailable,
            _ => null,
        };
        if (code is null)
        {
            RecordSuccess();
        }
        else
        {
            RecordFailure(code);
        }
    }

    /// <summary>The provider answered usefully.</summary>
    public void RecordSuccess()
    {
        lock (gate)
        {
            lastSuccessAt = timeProvider.GetUtcNow();
        }
    }

    /// <summary>The provider failed with the given error code.</summary>
    public void RecordFailure(string code)
    {
        lock (gate)
        {
            lastFailureAt = timeProvider.GetUtcNow();
            lastFailureCode = code;
        }
    }

    /// <summary>The last outcomes and the breaker state.</summary>
    public ProviderSnapshot Snapshot()
    {
        lock (gate)
        {
            return new ProviderSnapshot(CircuitState, lastSuccessAt, lastFailureAt, lastFailureCode);
        }
    }
}
