using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Tests.Maintenance;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// Checks erasure the way a privacy reviewer would: a unique marker goes in through the real server, the user is erased
/// (or one fact deleted) through the API, and then every byte of every file under the data root — database, -wal,
/// -shm, journal, audio, tmp — is searched for the marker (UTF-8 and UTF-16), while the server is still running.
/// </summary>
public sealed class ErasureOnDiskTests
{
    // Polling every 100 ms would pass the default 60 requests a minute.
    private static readonly Dictionary<string, string> Unlimited = new() { ["VoiceMemory__Limits__RequestsPerMinute"] = "100000" };

    [Fact]
    public async Task EraseMe_LeavesNoByteOfTheUsersWordsUnderTheDataRoot()
    {
        using var folder = new TempFolder();
        var marker = NewMarker();
        var key = await AddUserAsync(folder.Path, "marker");
        var otherKey = await AddUserAsync(folder.Path, "other");
        await using var server = await ServerProcess.StartAsync(folder.Path, Unlimited);
        using var client = Client(server.Url, key);
        using var other = Client(server.Url, otherKey);

        await client.WaitAsync(await client.SubmitTextAsync($"Hello, I am allergic to {marker}. My favourite food is {marker} soup."));
        await client.WaitAsync(await client.SubmitTextAsync($"Please remember {marker} again."));
        await other.WaitAsync(await other.SubmitTextAsync("I like tea and I live in Leeds."));
        var facts = (await client.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options))!.Items;
        Assert.Contains(facts, f => f.Text.Contains(marker, StringComparison.OrdinalIgnoreCase));
        // The marker is really on disk before erasure, so the search below can find it.
        Assert.NotEmpty(FilesHolding(folder.Path, marker));

        var erased = await client.DeleteAsync(TurnRoutes.Me);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        var holding = FilesHolding(folder.Path, marker);
        Assert.True(holding.Count == 0, "the erased user's words are still on disk in: " + string.Join(", ", holding));
        // The other user is untouched.
        var otherFacts = (await other.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options))!.Items;
        Assert.Contains(otherFacts, f => f.Text.Contains("tea", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task DeleteOneFact_LeavesNoTraceOfItInTheDatabaseFilesOrTheSearchIndex()
    {
        using var folder = new TempFolder();
        var marker = NewMarker();
        var key = await AddUserAsync(folder.Path, "fact");
        await using var server = await ServerProcess.StartAsync(folder.Path, Unlimited);
        using var client = Client(server.Url, key);
        await client.WaitAsync(await client.SubmitTextAsync($"I am allergic to {marker}. I live in Leeds."));
        var me = await client.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        var fact = me!.Facts.Single(f => f.Text.Contains(marker, StringComparison.OrdinalIgnoreCase));

        // The typed words stay in the turn's transcript and the journal (only the fact is deleted), so the check
        // looks for what only the fact holds: its indexed form, every token prefixed with the user's tag.
        var indexed = FactSearchText.UserTag(me.UserId) + marker;
        Assert.NotEmpty(FilesHolding(folder.Path, indexed));

        var deleted = await client.DeleteAsync(TurnRoutes.Memories + "/" + fact.Id);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var holding = FilesHolding(folder.Path, indexed);
        Assert.True(holding.Count == 0, "the deleted fact is still on disk in: " + string.Join(", ", holding));
        // FTS5 stores terms prefix-compressed, so the marker's tail is what a leftover index entry would show.
        var tail = marker[4..];
        var inIndex = await IndexTermsAsync(folder.Path, tail);
        Assert.True(inIndex == 0, $"the search index still lists {inIndex} term(s) of the deleted fact");
        Assert.Contains(FilesHolding(folder.Path, marker), path => path.Contains("journal", StringComparison.Ordinal));
    }

    /// <summary>A word no one else writes: letters only (one token), ending so that no stemmer shortens it.</summary>
    private static string NewMarker() =>
        "zq" + string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('a' + Random.Shared.Next(26)))) + "vx";

    private static List<string> FilesHolding(string root, string text)
    {
        var patterns = new[] { Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text), Encoding.BigEndianUnicode.GetBytes(text) };
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                continue; // deleted while listing (a temp file)
            }

            if (patterns.Any(p => bytes.AsSpan().IndexOf(p) >= 0) || path.Contains(text, StringComparison.Ordinal))
            {
                found.Add(Path.GetRelativePath(root, path));
            }
        }

        return found;
    }

    private static async Task<int> IndexTermsAsync(string root, string tail)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(root, "voicememory.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, facts_fts, 'row'); SELECT count(*) FROM temp.vocab WHERE term LIKE $like;";
        command.Parameters.AddWithValue("$like", "%" + tail + "%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> AddUserAsync(string dataRoot, string name)
    {
        var created = await ServerProcess.RunCliAsync(dataRoot, null, "users", "add", name);
        Assert.True(created.ExitCode == 0, created.StandardError);
        return created.StandardOutput.Trim();
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
