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
            // A random value, so what is read back can only be what this check wrote.
            var nonce = Random.Shared.NextInt64();
            await using var connection = await db.OpenAsync(cancellationToken);
            // One transaction, so a concurrent check cannot overwrite the nonce between this check's write and read.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO health_canary (id, nonce, checked_at) VALUES (1, $nonce, $at)
                ON CONFLICT (id) DO UPDATE SET nonce = excluded.nonce, checked_at = excluded.checked_at;
                SELECT nonce FROM health_canary WHERE id = 1;
                """;
            command.Parameters.AddWithValue("$nonce", nonce);
            command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var read = await command.ExecuteScalarAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return read is long value && value == nonce
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
