using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>Export gives back everything; erase leaves nothing of the user in the database or on disk.</summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task ExportThenErase_LeavesNothingOfTheUser()
    {
        await using var factory = new VoiceMemoryAppFactory();
        var (client, userId) = await factory.CreateUserAsync("erin");
        var (other, otherId) = await factory.CreateUserAsync("olga");
        await client.WaitAsync(await client.SubmitAudioAsync(await Speech.SynthesizeWavAsync("My name is Erin and I love gardening.")));
        await client.WaitAsync(await client.SubmitTextAsync("Remember that my daughter Emma visits on Sunday."));
        await other.WaitAsync(await other.SubmitTextAsync("I like tea."));

        var export = await client.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        Assert.Equal(2, export!.Turns.Count);
        Assert.NotEmpty(export.Facts);
        Assert.Contains(export.Journal, d => d.Markdown.Contains("gardening", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(export.Facts, f => f.Text.Contains("tea", StringComparison.OrdinalIgnoreCase));

        var erased = await client.DeleteAsync(TurnRoutes.Me);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataRoot, "voicememory.db")};Mode=ReadOnly"))
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var check = connection.CreateCommand();
                check.CommandText = $"SELECT * FROM \"{table}\"";
                await using var rows = await check.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    for (var i = 0; i < rows.FieldCount; i++)
                    {
                        var value = rows.IsDBNull(i) ? "" : Convert.ToString(rows.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                        Assert.False(value.Contains(userId, StringComparison.Ordinal), $"table {table} still mentions the erased user");
                    }
                }
            }
        }

        var leftovers = Directory.GetFileSystemEntries(factory.DataRoot, "*", SearchOption.AllDirectories)
            .Where(p => p.Contains(userId, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leftovers);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(TurnRoutes.Turns)).StatusCode);

        var otherExport = await other.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        Assert.Single(otherExport!.Turns);
        Assert.Contains(Directory.GetFileSystemEntries(factory.DataRoot, "*", SearchOption.AllDirectories), p => p.Contains(otherId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteMemory_RemovesOnlyThatFact()
    {
        await using var factory = new VoiceMemoryAppFactory();
        var (client, _) = await factory.CreateUserAsync();
        await client.WaitAsync(await client.SubmitTextAsync("I am allergic to peanuts. I live in Leeds."));
        var before = (await client.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options))!.Items;
        var victim = before.First(m => m.Text.Contains("peanut", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{TurnRoutes.Memories}/{victim.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"{TurnRoutes.Memories}/{victim.Id}")).StatusCode);

        var after = (await client.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options))!.Items;
        Assert.Equal(before.Count - 1, after.Count);
        var ranked = (await client.GetFromJsonAsync<MemoryListBody>($"{TurnRoutes.Memories}?q=where%20do%20I%20live", ApiJson.Options))!.Items;
        Assert.Contains("Leeds", ranked[0].Text, StringComparison.OrdinalIgnoreCase);
    }
}
