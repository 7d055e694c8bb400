using VoiceMemory.Functions.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Testing.Contracts;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>The turn store contract on Table storage (Azurite).</summary>
public sealed class TableTurnStoreTests : TurnStoreContract
{
    protected override async Task<ITurnStore> CreateStoreAsync()
    {
        var tables = Azurite.Tables();
        return new TableTurnStore(tables, (await Azurite.NewLayoutAsync(tables: tables)).TurnsTable);
    }

    protected override Task<ITurnStore> CreateSecondStoreAsync() => CreateStoreAsync();

    [Theory]
    [InlineData("-")]
    [InlineData("zz")]
    [InlineData("ZZZZ")]
    public void Listing_RowKeysOfOneInstant_SortByTurnIdDescending(string other)
    {
        var at = DateTimeOffset.UnixEpoch;
        var ids = new[] { "a", "ab", "abc", "b", other, "0", "_" }.Distinct().ToList();

        var byRowKey = ids.OrderBy(id => TurnRowKeys.Listing(at, id), StringComparer.Ordinal).ToList();

        Assert.Equal(ids.OrderByDescending(id => id, StringComparer.Ordinal), byRowKey);
    }
}
