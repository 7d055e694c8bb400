using Microsoft.DurableTask.Client;

namespace VoiceMemory.Functions.Orchestration;

/// <summary>
/// The Durable client of the function invocation in progress. The isolated worker hands the client to a function
/// only as a <c>[DurableClient]</c> binding, while the shared services that schedule and erase (<see cref="VoiceMemory.Turns.TurnIntake"/>,
/// <see cref="VoiceMemory.Api.UserDataService"/>) are singletons: the function puts its client here for the length of its call.
/// </summary>
public sealed class DurableClientScope
{
    private readonly AsyncLocal<DurableTaskClient?> current = new();

    /// <summary>The client of the current invocation.</summary>
    /// <exception cref="InvalidOperationException">No function has put a client in scope (a wiring error).</exception>
    public DurableTaskClient Current => current.Value ?? throw new InvalidOperationException("No Durable client is in scope: the function must call DurableClientScope.Use.");

    /// <summary>Puts <paramref name="client"/> in scope until the returned handle is disposed.</summary>
    public IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = current.Value;
        current.Value = client;
        return new Restore(this, previous);
    }

    private sealed class Restore(DurableClientScope scope, DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => scope.current.Value = previous;
    }
}
