using System.Collections.Concurrent;
using VoiceMemory.Storage;

namespace VoiceMemory.Tests.Doubles;

/// <summary>An <see cref="IUserStore"/> in a dictionary, faithful to the port's docs; counts writes.</summary>
internal sealed class InMemoryUserStore : IUserStore
{
    private readonly ConcurrentDictionary<string, UserAccount> users = new(StringComparer.Ordinal);
    private int writes;

    public int Writes => writes;

    public Task AddAsync(UserAccount account, CancellationToken cancellationToken)
    {
        if (!users.TryAdd(account.UserId, account))
        {
            throw new InvalidOperationException("The user exists.");
        }

        Interlocked.Increment(ref writes);
        return Task.CompletedTask;
    }

    public Task<UserAccount?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        Task.FromResult(users.Values.FirstOrDefault(u => u.KeyHash == keyHash));

    public Task<UserAccount?> GetAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(users.GetValueOrDefault(userId));

    public Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        return Task.FromResult(users.TryRemove(userId, out _));
    }

    public IAsyncEnumerable<UserAccount> ExportAsync(CancellationToken cancellationToken) =>
        users.Values.OrderBy(u => u.UserId, StringComparer.Ordinal).ToList().ToAsyncEnumerable();

    public Task ImportAsync(UserAccount account, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref writes);
        users[account.UserId] = account;
        return Task.CompletedTask;
    }
}
