using System.Collections.Concurrent;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Tests.Doubles;

/// <summary>
/// An <see cref="IBackupStorage"/> in dictionaries: pending backups become complete on commit. Tests reach into
/// <see cref="Files"/> to damage a backup, and can make commit or delete fail to play a crash.
/// </summary>
internal sealed class InMemoryBackupStorage : IBackupStorage
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> complete = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte[]>> pending = new(StringComparer.Ordinal);

    public bool FailCommit { get; set; }

    public bool FailDelete { get; set; }

    /// <summary>The files of a complete backup, by name (mutable).</summary>
    public ConcurrentDictionary<string, byte[]> Files(string backupId) => complete[backupId];

    /// <summary>Adds an empty complete backup (e.g. an old one to be pruned).</summary>
    public void AddComplete(string backupId) => complete[backupId] = new(StringComparer.Ordinal);

    /// <summary>Adds a pending backup with one file (e.g. left behind by a crash).</summary>
    public void AddPending(string backupId) => pending[backupId] = new(StringComparer.Ordinal) { ["users.ndjson.gz"] = [1, 2, 3] };

    public async Task WriteFileAsync(string backupId, string name, Stream content, CancellationToken cancellationToken)
    {
        if (complete.ContainsKey(backupId))
        {
            throw new InvalidOperationException("A complete backup has this id.");
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        pending.GetOrAdd(backupId, _ => new(StringComparer.Ordinal))[name] = copy.ToArray();
    }

    public Task CommitAsync(string backupId, CancellationToken cancellationToken)
    {
        if (FailCommit)
        {
            throw new IOException("Simulated crash before commit.");
        }

        if (!pending.TryRemove(backupId, out var files) || !complete.TryAdd(backupId, files))
        {
            throw new InvalidOperationException("Nothing to commit.");
        }

        return Task.CompletedTask;
    }

    public Task<Stream?> OpenFileAsync(string backupId, string name, CancellationToken cancellationToken) =>
        Task.FromResult<Stream?>(complete.TryGetValue(backupId, out var files) && files.TryGetValue(name, out var bytes) ? new MemoryStream(bytes, writable: false) : null);

    public IAsyncEnumerable<string> ListBackupsAsync(CancellationToken cancellationToken) =>
        complete.Keys.Order(StringComparer.Ordinal).ToList().ToAsyncEnumerable();

    public IAsyncEnumerable<string> ListPendingBackupsAsync(CancellationToken cancellationToken) =>
        pending.Keys.Order(StringComparer.Ordinal).ToList().ToAsyncEnumerable();

    public IAsyncEnumerable<string> ListFilesAsync(string backupId, CancellationToken cancellationToken) =>
        (complete.TryGetValue(backupId, out var files) ? files.Keys.Order(StringComparer.Ordinal).ToList() : []).ToAsyncEnumerable();

    public Task DeleteBackupAsync(string backupId, CancellationToken cancellationToken)
    {
        if (FailDelete)
        {
            throw new IOException("Simulated crash before clean-up.");
        }

        complete.TryRemove(backupId, out _);
        pending.TryRemove(backupId, out _);
        return Task.CompletedTask;
    }
}
