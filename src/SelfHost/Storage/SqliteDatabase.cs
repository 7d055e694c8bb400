using System.Globalization;
using Microsoft.Data.Sqlite;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// The self-host SQLite database: one connection per operation (pooled by Microsoft.Data.Sqlite), WAL mode, a busy
/// timeout so concurrent writers wait instead of failing, and <c>PRAGMA user_version</c> migrations.
/// </summary>
public sealed class SqliteDatabase(string databasePath)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(databasePath),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
    }.ToString();

    private volatile bool folderReady;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; } = Path.GetFullPath(databasePath);

    /// <summary>An open connection with the per-connection pragmas applied. The caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (!folderReady)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            folderReady = true;
        }

        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // Pooled connections keep these, but setting them again is cheap and keeps every connection uniform.
            // secure_delete: a deleted or rewritten row's bytes are overwritten with zeros, not left in free space, so
            // erasure and superseded facts leave nothing of the user's words in the file (decision 0003).
            command.CommandText = "PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA secure_delete=ON;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates or upgrades the schema. Safe to call on every start and from several processes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using (var wal = connection.CreateCommand())
        {
            // journal_mode is persistent in the file, so it is set once here rather than on every open.
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        // BEGIN IMMEDIATE (the Microsoft.Data.Sqlite default) so two migrating processes run one after the other.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var version = await ReadUserVersionAsync(connection, transaction, cancellationToken);
        if (version > SqliteSchema.Migrations.Count)
        {
            throw new InvalidOperationException(
                $"The database schema version {version} is newer than this build understands ({SqliteSchema.Migrations.Count}).");
        }

        for (var next = (int)version; next < SqliteSchema.Migrations.Count; next++)
        {
            await using var migrate = connection.CreateCommand();
            migrate.Transaction = transaction;
            migrate.CommandText = SqliteSchema.Migrations[next];
            await migrate.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var stamp = connection.CreateCommand())
        {
            stamp.Transaction = transaction;
            stamp.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version={SqliteSchema.Migrations.Count};");
            await stamp.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Copies every committed page from the write-ahead log into the database and truncates the log to zero bytes, so
    /// older page images (which still hold deleted rows) are gone from <c>-wal</c>. Waits (up to a few seconds) for
    /// readers that hold an older snapshot; returns false when they did not finish in time.
    /// </summary>
    public async Task<bool> CheckpointTruncateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            // (busy, log frames, checkpointed frames): busy = 0 means the log was fully copied and truncated.
            if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) == 0)
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return false;
    }

    private static async Task<long> ReadUserVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
