using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>Creates users the way <c>users add</c> does (random key, stored hashed), straight into a data root's database.</summary>
public static class BenchUsers
{
    /// <summary>Migrates the database under <paramref name="dataRoot"/> and adds <paramref name="count"/> users.</summary>
    public static async Task<IReadOnlyList<BenchUser>> CreateAsync(string dataRoot, int count, CancellationToken cancellationToken)
    {
        var database = new SqliteDatabase(Path.Combine(dataRoot, "voicememory.db"));
        await database.MigrateAsync(cancellationToken);
        return await AddAsync(new SqliteUserStore(database), count, cancellationToken);
    }

    /// <summary>Adds <paramref name="count"/> users to <paramref name="users"/>.</summary>
    public static async Task<IReadOnlyList<BenchUser>> AddAsync(IUserStore users, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        var created = new List<BenchUser>(count);
        for (var i = 0; i < count; i++)
        {
            var key = ApiKeys.NewKey();
            var userId = ApiKeys.NewUserId();
            await users.AddAsync(new UserAccount(userId, $"bench-{i}", ApiKeys.Hash(key), DateTimeOffset.UtcNow), cancellationToken);
            created.Add(new BenchUser(userId, key));
        }

        return created;
    }
}
