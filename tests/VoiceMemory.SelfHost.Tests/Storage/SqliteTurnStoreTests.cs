using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Testing.Contracts;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteTurnStoreTests : TurnStoreContract, IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    protected override async Task<ITurnStore> CreateStoreAsync() => new SqliteTurnStore(await TestDatabase.CreateAsync(folder));

    protected override async Task<ITurnStore> CreateSecondStoreAsync() => new SqliteTurnStore(await TestDatabase.CreateAsync(folder, "second.db"));

    [Fact]
    public async Task AddAsync_TurnIdOwnedByAnotherUser_Throws()
    {
        var store = await CreateStoreAsync();
        await store.AddAsync(Turn("u1", "t1"), CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(Turn("u2", "t1"), CancellationToken.None));
        Assert.Null(await store.GetAsync("u2", "t1", CancellationToken.None));
    }

    [Fact]
    public async Task ListByUserAsync_ZeroLimit_Throws()
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListByUserAsync("u1", 0, null, CancellationToken.None));
    }
}
