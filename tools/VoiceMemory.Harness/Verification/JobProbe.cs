using Microsoft.Data.Sqlite;

namespace VoiceMemory.Harness.Verification;

/// <summary>What the runner holds right now, read from the live database (read-only, no pooling): pending jobs and the turns being run.</summary>
internal static class JobProbe
{
    public static async Task<(int Pending, IReadOnlyList<string> Running)> ReadAsync(string dataRoot)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataRoot, "voicememory.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT turn_id, state FROM jobs WHERE state IN ('pending', 'running');";
        await using var reader = await command.ExecuteReaderAsync();
        var pending = 0;
        var running = new List<string>();
        while (await reader.ReadAsync())
        {
            if (reader.GetString(1) == "running")
            {
                running.Add(reader.GetString(0));
            }
            else
            {
                pending++;
            }
        }

        return (pending, running);
    }
}
