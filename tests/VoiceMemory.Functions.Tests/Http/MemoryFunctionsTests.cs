using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Tests.Support;

namespace VoiceMemory.Functions.Tests.Http;

/// <summary>Memories list/search/delete and the export, over what real turns remembered.</summary>
public sealed class MemoryFunctionsTests : IAsyncLifetime
{
    private FunctionsApp app = null!;

    public async Task InitializeAsync() => app = await FunctionsApp.StartAsync();

    public async Task DisposeAsync() => await app.DisposeAsync();

    private MemoryFunctions Memories => app.Get<MemoryFunctions>();

    [Fact]
    public async Task ListSearchDelete_AndAnotherUsersMemoryIsNotFound()
    {
        await app.TypedTurnAsync("mia", "My name is Mia and I am allergic to peanuts.");
        await app.TypedTurnAsync("mia", "I love hiking in the mountains.");

        var all = await app.CallAsync("GET", "/api/v1/memories", "mia", Memories.ListAsync);
        var found = await app.CallAsync("GET", "/api/v1/memories?q=allergic&limit=1", "mia", Memories.ListAsync);
        var items = all.Json.GetProperty("items");
        Assert.True(items.GetArrayLength() >= 2);
        var allergy = found.Json.GetProperty("items")[0];
        Assert.Contains("peanut", allergy.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
        var factId = allergy.GetProperty("id").GetString()!;

        var othersDelete = await app.CallAsync("DELETE", "/api/v1/memories/" + factId, "nina", r => Memories.DeleteAsync(r, factId));
        var othersList = await app.CallAsync("GET", "/api/v1/memories", "nina", Memories.ListAsync);
        var deleted = await app.CallAsync("DELETE", "/api/v1/memories/" + factId, "mia", r => Memories.DeleteAsync(r, factId));
        var again = await app.CallAsync("DELETE", "/api/v1/memories/" + factId, "mia", r => Memories.DeleteAsync(r, factId));
        var after = await app.CallAsync("GET", "/api/v1/memories?q=allergic", "mia", Memories.ListAsync);

        Assert.Equal((404, ErrorCodes.NotFound), (othersDelete.Status, othersDelete.Code));
        Assert.Equal(0, othersList.Json.GetProperty("items").GetArrayLength());
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.DoesNotContain(after.Json.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == factId);
    }

    [Theory]
    [InlineData("/api/v1/memories?limit=abc")]
    [InlineData("/api/v1/memories?limit=0")]
    [InlineData("/api/v1/memories?limit=999")]
    public async Task BadLimit_InvalidRequest(string path)
    {
        var answer = await app.CallAsync("GET", path, "mia", Memories.ListAsync);

        Assert.Equal((400, ErrorCodes.InvalidRequest), (answer.Status, answer.Code));
    }

    [Fact]
    public async Task Export_HoldsTurnsFactsAndJournal_OfTheCallerOnly()
    {
        var turnId = await app.TypedTurnAsync("olga", "My sister is called Beth.");
        await app.TypedTurnAsync("pete", "My brother is called Sam.");

        var export = await app.CallAsync("GET", "/api/v1/me/export", "olga", Memories.ExportAsync);

        Assert.Equal(200, export.Status);
        Assert.Equal("olga", export.Json.GetProperty("userId").GetString());
        var turns = export.Json.GetProperty("turns");
        Assert.Equal(1, turns.GetArrayLength());
        Assert.Equal(turnId, turns[0].GetProperty("turnId").GetString());
        Assert.Contains(export.Json.GetProperty("facts").EnumerateArray(), f => f.GetProperty("text").GetString()!.Contains("Beth", StringComparison.Ordinal));
        Assert.Contains("Beth", export.Json.GetProperty("journal")[0].GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", export.Body, StringComparison.Ordinal);
    }
}
