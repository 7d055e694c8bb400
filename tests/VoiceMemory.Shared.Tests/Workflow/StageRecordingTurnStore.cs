using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Workflow;

/// <summary>Wraps a turn store and records the (state, stage) of every save, so tests can see the stages a client would poll.</summary>
internal sealed class StageRecordingTurnStore(ITurnStore inner) : ITurnStore
{
    public List<(TurnState State, TurnStage? Stage)> Saves { get; } = [];

    public Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

    public Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.GetAsync(userId, turnId, cancellationToken);

    public Task SaveAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        lock (Saves)
        {
            Saves.Add((record.State, record.Stage));
        }

        return inner.SaveAsync(record, cancellationToken);
    }

    public Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken) => inner.ListByUserAsync(userId, limit, cursor, cancellationToken);

    public IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.ListOlderThanAsync(cutoff, cancellationToken);

    public IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.DeleteAsync(userId, turnId, cancellationToken);

    public Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken) => inner.DeleteUserAsync(userId, cancellationToken);
}
