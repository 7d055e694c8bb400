using VoiceMemory.Functions.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Testing.Contracts;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>The memory store contract on Table storage (facts) and append blobs (journal), on Azurite.</summary>
public sealed class TableMemoryStoreTests : MemoryStoreContract
{
    protected override async Task<IMemoryStore> CreateStoreAsync()
    {
        var tables = Azurite.Tables();
        var blobs = Azurite.Blobs();
        var layout = await Azurite.NewLayoutAsync(blobs, tables);
        return new TableMemoryStore(tables, layout.FactsTable, blobs, layout.JournalContainer);
    }

    protected override Task<IMemoryStore> CreateSecondStoreAsync() => CreateStoreAsync();
}
