using VoiceMemory.Storage;

namespace VoiceMemory.Testing.Contracts;

/// <summary>What every <see cref="IAudioStore"/> adapter must do. A concrete test class supplies a fresh, empty store.</summary>
public abstract class AudioStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract Task<IAudioStore> CreateStoreAsync();

    protected static MemoryStream Bytes(int length, byte value) => new(Enumerable.Repeat(value, length).ToArray());

    [Fact]
    public async Task SaveAsync_NewKey_OpenReadReturnsSameBytes()
    {
        var store = await CreateStoreAsync();
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

        var saved = await store.SaveAsync("input/u1/t1.wav", new MemoryStream(content), "audio/wav", CancellationToken.None);

        Assert.Equal(("input/u1/t1.wav", "audio/wav", 70_000L), (saved.Key, saved.ContentType, saved.Bytes));
        Assert.Equal(content, await ReadAllAsync(store, "input/u1/t1.wav"));
        Assert.True(await store.ExistsAsync("input/u1/t1.wav", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_ExistingKey_ReplacesContent()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("reply/u1/t1.mp3", Bytes(5_000, 1), "audio/mpeg", CancellationToken.None);

        var saved = await store.SaveAsync("reply/u1/t1.mp3", Bytes(300, 2), "audio/mpeg", CancellationToken.None);

        Assert.Equal(300L, saved.Bytes);
        Assert.Equal(Enumerable.Repeat((byte)2, 300), await ReadAllAsync(store, "reply/u1/t1.mp3"));
    }

    [Fact]
    public async Task SaveAsync_EmptyContent_StoresEmptyItem()
    {
        var store = await CreateStoreAsync();

        var saved = await store.SaveAsync("input/u1/t1.wav", new MemoryStream(), "audio/wav", CancellationToken.None);

        Assert.Equal(0L, saved.Bytes);
        Assert.Empty(await ReadAllAsync(store, "input/u1/t1.wav"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingKey_ReturnsNull()
    {
        var store = await CreateStoreAsync();

        Assert.Null(await store.OpenReadAsync("input/u1/missing.wav", CancellationToken.None));
        Assert.False(await store.ExistsAsync("input/u1/missing.wav", CancellationToken.None));
        Assert.Null(await store.OpenReadAsync("input/nobody/missing.wav", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("input/u1/t1.wav", Bytes(10, 1), "audio/wav", CancellationToken.None);

        Assert.True(await store.DeleteAsync("input/u1/t1.wav", CancellationToken.None));
        Assert.False(await store.DeleteAsync("input/u1/t1.wav", CancellationToken.None));
        Assert.Null(await store.OpenReadAsync("input/u1/t1.wav", CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_Prefix_ListsOnlyItemsUnderItWithSizes()
    {
        var store = await CreateStoreAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await store.SaveAsync("input/u1/t1.wav", Bytes(10, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync("input/u1/t2.wav", Bytes(20, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync("input/u10/t3.wav", Bytes(30, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync("reply/u1/t1.mp3", Bytes(40, 1), "audio/mpeg", CancellationToken.None);

        var underUser = await ToListAsync(store.ListAsync("input/u1/", CancellationToken.None));
        var underInput = await ToListAsync(store.ListAsync("input/", CancellationToken.None));

        Assert.Equal([("input/u1/t1.wav", 10L), ("input/u1/t2.wav", 20L)], underUser.Select(a => (a.Key, a.Bytes)).Order());
        Assert.Equal(["input/u1/t1.wav", "input/u1/t2.wav", "input/u10/t3.wav"], underInput.Select(a => a.Key).Order(StringComparer.Ordinal));
        Assert.All(underUser, a => Assert.InRange(a.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Empty(await ToListAsync(store.ListAsync("input/nobody/", CancellationToken.None)));
    }

    [Fact]
    public async Task DeletePrefixAsync_OneUsersPrefixes_RemovesOnlyThatUsersAudio()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync(AudioKeys.Input("u1", "t1", ".wav"), Bytes(10, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync(AudioKeys.Input("u1", "t2", ".ogg"), Bytes(10, 1), "audio/ogg", CancellationToken.None);
        await store.SaveAsync(AudioKeys.Reply("u1", "t1", ".mp3"), Bytes(10, 1), "audio/mpeg", CancellationToken.None);
        await store.SaveAsync(AudioKeys.Input("u10", "t3", ".wav"), Bytes(10, 1), "audio/wav", CancellationToken.None);
        await store.SaveAsync(AudioKeys.Reply("u2", "t4", ".mp3"), Bytes(10, 1), "audio/mpeg", CancellationToken.None);

        var deleted = 0;
        foreach (var prefix in AudioKeys.UserPrefixes("u1"))
        {
            deleted += await store.DeletePrefixAsync(prefix, CancellationToken.None);
        }

        Assert.Equal(3, deleted);
        Assert.Empty(await ToListAsync(store.ListAsync("input/u1/", CancellationToken.None)));
        Assert.Empty(await ToListAsync(store.ListAsync("reply/u1/", CancellationToken.None)));
        Assert.True(await store.ExistsAsync(AudioKeys.Input("u10", "t3", ".wav"), CancellationToken.None));
        Assert.True(await store.ExistsAsync(AudioKeys.Reply("u2", "t4", ".mp3"), CancellationToken.None));
        Assert.Equal(0, await store.DeletePrefixAsync("input/u1/", CancellationToken.None));
    }

    [Theory]
    [InlineData("../outside.wav")]
    [InlineData("input/../../outside.wav")]
    [InlineData("input/./t1.wav")]
    [InlineData("/etc/passwd")]
    [InlineData("input\\u1\\t1.wav")]
    [InlineData("input//t1.wav")]
    [InlineData("input/u1/")]
    [InlineData("input/u 1/t1.wav")]
    [InlineData("input/u1/t1.wav\0")]
    [InlineData("input/ü/t1.wav")]
    [InlineData("")]
    public async Task SaveAsync_InvalidKey_ThrowsArgumentException(string key)
    {
        var store = await CreateStoreAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(key, Bytes(1, 1), "audio/wav", CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.OpenReadAsync(key, CancellationToken.None));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_KeyLongerThanAllowed_ThrowsArgumentException()
    {
        var store = await CreateStoreAsync();
        var key = "input/u1/" + new string('a', 600) + ".wav";

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SaveAsync(key, Bytes(1, 1), "audio/wav", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_SourceFailsMidway_KeepsPreviousItemAndNoPartialOne()
    {
        var store = await CreateStoreAsync();
        await store.SaveAsync("input/u1/t1.wav", Bytes(1_000, 7), "audio/wav", CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync("input/u1/t1.wav", new FailingStream(200_000, new IOException("upload cut off")), "audio/wav", CancellationToken.None));
        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync("input/u1/t2.wav", new FailingStream(200_000, new IOException("upload cut off")), "audio/wav", CancellationToken.None));

        Assert.Equal(Enumerable.Repeat((byte)7, 1_000), await ReadAllAsync(store, "input/u1/t1.wav"));
        Assert.False(await store.ExistsAsync("input/u1/t2.wav", CancellationToken.None));
        Assert.Equal(["input/u1/t1.wav"], (await ToListAsync(store.ListAsync("input/u1/", CancellationToken.None))).Select(a => a.Key));
    }

    [Fact]
    public async Task SaveAsync_WhileOthersRead_ReadersOnlyEverSeeWholeItems()
    {
        var store = await CreateStoreAsync();
        const int size = 256 * 1024;
        await store.SaveAsync("reply/u1/t1.mp3", Bytes(size, (byte)'A'), "audio/mpeg", CancellationToken.None);

        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await store.SaveAsync("reply/u1/t1.mp3", Bytes(size, (byte)(i % 2 == 0 ? 'B' : 'A')), "audio/mpeg", CancellationToken.None);
            }
        });
        var reads = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            do
            {
                var content = await ReadAllAsync(store, "reply/u1/t1.mp3");
                Assert.Equal(size, content.Length);
                Assert.True(content.All(b => b == content[0]), "a reader saw a mix of two writes");
                Interlocked.Increment(ref reads);
            }
            while (!writer.IsCompleted);
        })).ToList();

        await Task.WhenAll(readers.Append(writer));

        Assert.True(reads >= 2);
    }

    protected static async Task<byte[]> ReadAllAsync(IAudioStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"{key} is missing");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
