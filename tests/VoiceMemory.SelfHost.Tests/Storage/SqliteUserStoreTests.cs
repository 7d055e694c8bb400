using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteUserStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private async Task<SqliteUserStore> CreateAsync(string name = "voicememory.db") => new(await TestDatabase.CreateAsync(folder, name));

    [Fact]
    public async Task AddAsync_NewUser_FindableByIdAndKeyHash()
    {
        var users = await CreateAsync();
        var ada = new UserAccount("u1", "Ada", "hash-1", T0.AddTicks(17));

        await users.AddAsync(ada, CancellationToken.None);

        Assert.Equal(ada, await users.GetAsync("u1", CancellationToken.None));
        Assert.Equal(ada, await users.FindByKeyHashAsync("hash-1", CancellationToken.None));
        Assert.Null(await users.FindByKeyHashAsync("hash-2", CancellationToken.None));
        Assert.Null(await users.GetAsync("u2", CancellationToken.None));
    }

    [Fact]
    public async Task AddAsync_DuplicateIdOrKeyHash_ThrowsAndKeepsTheFirst()
    {
        var users = await CreateAsync();
        await users.AddAsync(new UserAccount("u1", "Ada", "hash-1", T0), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddAsync(new UserAccount("u1", "Bo", "hash-2", T0), CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => users.AddAsync(new UserAccount("u2", "Bo", "hash-1", T0), CancellationToken.None));

        Assert.Equal("Ada", (await users.FindByKeyHashAsync("hash-1", CancellationToken.None))!.Name);
        Assert.Null(await users.GetAsync("u2", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var users = await CreateAsync();
        await users.AddAsync(new UserAccount("u1", "Ada", "hash-1", T0), CancellationToken.None);

        Assert.True(await users.DeleteAsync("u1", CancellationToken.None));
        Assert.False(await users.DeleteAsync("u1", CancellationToken.None));
        Assert.Null(await users.FindByKeyHashAsync("hash-1", CancellationToken.None));
    }

    [Fact]
    public async Task ExportThenImport_IntoEmptyStore_RoundTripsUsers()
    {
        var source = await CreateAsync();
        UserAccount[] all = [new("u1", "Ada", "hash-1", T0), new("u2", "李雷", "hash-2", T0.AddDays(1))];
        foreach (var user in all)
        {
            await source.AddAsync(user, CancellationToken.None);
        }

        var target = await CreateAsync("second.db");
        await foreach (var user in source.ExportAsync(CancellationToken.None))
        {
            await target.ImportAsync(user, CancellationToken.None);
            await target.ImportAsync(user, CancellationToken.None);
        }

        var exported = new List<UserAccount>();
        await foreach (var user in target.ExportAsync(CancellationToken.None))
        {
            exported.Add(user);
        }

        Assert.Equal(all, exported);
    }

    [Fact]
    public async Task ImportAsync_KeyHashHeldByAnotherUser_Throws()
    {
        var users = await CreateAsync();
        await users.AddAsync(new UserAccount("u1", "Ada", "hash-1", T0), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => users.ImportAsync(new UserAccount("u2", "Bo", "hash-1", T0), CancellationToken.None));
    }
}
