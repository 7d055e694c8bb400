using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace VoiceMemory.Harness.Verification;

/// <summary>
/// Counts what is really in a data root, independent of the API: turn records, jobs and facts through a read-only
/// SQLite connection; journal entries by their <c>&lt;!-- turn:{id} --&gt;</c> markers in the Markdown files; reply
/// and input audio by file name (<c>audio/{reply|input}/{user}/{turnId}.{ext}</c>); and temp files left behind.
/// </summary>
internal static partial class DataRootInspector
{
    public static async Task<DataRootSnapshot> InspectAsync(string dataRoot)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataRoot, "voicememory.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();

        var turns = new List<TurnRow>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT user_id, turn_id, state, idempotency_key, json_extract(record_json, '$.typed'),
                       json_extract(record_json, '$.error.code'), json_extract(record_json, '$.reply.source'),
                       json_extract(record_json, '$.replyAudio.key')
                FROM turns;
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                turns.Add(new TurnRow(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3),
                    !reader.IsDBNull(4) && reader.GetInt64(4) == 1, NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 7)));
            }
        }

        var jobs = new Dictionary<string, JobRow>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT turn_id, state, attempts FROM jobs;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                jobs[reader.GetString(0)] = new JobRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2));
            }
        }

        var facts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var factCount = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT source_turn_id, text FROM facts;";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                factCount++;
                var source = reader.GetString(0);
                if (!facts.TryGetValue(source, out var texts))
                {
                    facts[source] = texts = [];
                }

                texts.Add(reader.GetString(1));
            }
        }

        return new DataRootSnapshot(
            turns,
            jobs,
            facts.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value, StringComparer.Ordinal),
            factCount,
            CountJournalEntries(Path.Combine(dataRoot, "journal")),
            CountAudio(Path.Combine(dataRoot, "audio", "reply")),
            CountAudio(Path.Combine(dataRoot, "audio", "input")),
            CountTempFiles(dataRoot),
            CountEngineWorkspaces(Path.Combine(dataRoot, "tmp")));
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static Dictionary<string, int> CountJournalEntries(string journalRoot)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(journalRoot))
        {
            return counts;
        }

        foreach (var file in Directory.EnumerateFiles(journalRoot, "*.md", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                var match = Marker().Match(line);
                if (match.Success)
                {
                    counts[match.Groups["id"].Value] = counts.GetValueOrDefault(match.Groups["id"].Value) + 1;
                }
            }
        }

        return counts;
    }

    private static Dictionary<string, int> CountAudio(string folder)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return counts;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                var turnId = Path.GetFileNameWithoutExtension(name);
                counts[turnId] = counts.GetValueOrDefault(turnId) + 1;
            }
        }

        return counts;
    }

    // Atomic-write temp files (dot-prefixed) under audio/ and journal/, and upload spill files in tmp/.
    private static int CountTempFiles(string dataRoot)
    {
        var count = 0;
        foreach (var folder in new[] { "audio", "journal" }.Select(f => Path.Combine(dataRoot, f)).Where(Directory.Exists))
        {
            count += Directory.EnumerateFiles(folder, ".*", SearchOption.AllDirectories).Count();
        }

        var tmp = Path.Combine(dataRoot, "tmp");
        return count + (Directory.Exists(tmp) ? Directory.EnumerateFiles(tmp, "*", SearchOption.TopDirectoryOnly).Count() : 0);
    }

    // Engine runs work in tmp/engine-*; a killed process cannot remove its own.
    private static int CountEngineWorkspaces(string tmp) =>
        Directory.Exists(tmp) ? Directory.EnumerateDirectories(tmp, "engine-*").Count() : 0;

    [GeneratedRegex(@"^<!-- turn:(?<id>\S+) -->\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();
}
