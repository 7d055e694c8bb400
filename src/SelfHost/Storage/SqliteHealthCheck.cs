using Microsoft.Data.Sqlite;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// The database check of <c>/api/health</c>: opens a connection and writes then reads a one-row canary table, which
/// proves the file is reachable, writable (not read-only, disk not full) and not locked beyond the busy timeout.
/// </summary>
public sealed class SqliteHealthCheck(SqliteDatabase db) : IDependencyCheck
{
    public string Name => "database";

    public bool Critical => true;

    public async Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await using var connection = await db.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO health_canary (id, checked_at) VALUES (1, $stamp)
                ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at;
                SELECT checked_at FROM health_canary WHERE id = 1;
                """;
            command.Parameters.AddWithValue("$stamp", stamp);
            return await command.ExecuteScalarAsync(cancellationToken) is long read && read == stamp
                ? DependencyHealth.Healthy("read and write ok")
                : DependencyHealth.Unhealthy("the canary row did not read back");
        }
        catch (SqliteException ex)
        {
            // The SQLite error code says what is wrong (busy, read-only, full, corrupt) without exposing paths or data.
            return DependencyHealth.Unhealthy($"sqlite error {ex.SqliteErrorCode}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DependencyHealth.Unhealthy($"database file not accessible ({ex.GetType().Name})");
        }
    }
}
