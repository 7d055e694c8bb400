using Microsoft.Data.Sqlite;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task MigrateAsync_NewFile_CreatesFolderSchemaAndWal()
    {
        var db = new SqliteDatabase(folder.Combine("nested", "deeper", "vm.db"));

        await db.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(folder.Combine("nested", "deeper", "vm.db")));
        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.Migrations.Count, await ScalarAsync(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA secure_delete;"));
        var tables = await ListAsync(connection, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name;");
        Assert.Subset(tables.ToHashSet(), new HashSet<string> { "users", "turns", "facts", "facts_fts", "jobs", "checkpoints", "health_canary" });
    }

    [Fact]
    public async Task MigrateAsync_RunTwiceAndInParallel_IsIdempotent()
    {
        var db = new SqliteDatabase(folder.Combine("vm.db"));

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => db.MigrateAsync(CancellationToken.None)));
        await db.MigrateAsync(CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.Equal((long)SqliteSchema.Migrations.Count, await ScalarAsync(connection, "PRAGMA user_version;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA secure_delete;"));
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task MigrateAsync_SchemaFromNewerBuild_Throws()
    {
        var db = await TestDatabase.CreateAsync(folder);
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await ScalarAsync(connection, "PRAGMA user_version=99;");
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.MigrateAsync(CancellationToken.None));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_AnyConnection_HasBusyTimeoutForeignKeysAndNormalSync()
    {
        var db = await TestDatabase.CreateAsync(folder);

        await using var connection = await db.OpenAsync(CancellationToken.None);

        Assert.Equal(5000L, await ScalarAsync(connection, "PRAGMA busy_timeout;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA foreign_keys;"));
        Assert.Equal(1L, await ScalarAsync(connection, "PRAGMA synchronous;"));
    }

    [Fact]
    public async Task FactsIndex_AfterInsertUpdateDelete_PassesFtsIntegrityCheck()
    {
        var db = await TestDatabase.CreateAsync(folder);
        var store = new SqliteMemoryStore(db, folder.Combine("journal"));
        await store.UpsertFactsAsync("u1", "t1", [new("I like tea", Memory.FactKind.Preference, "pref.drink")], DateTimeOffset.UtcNow, CancellationToken.None);
        await store.UpsertFactsAsync("u1", "t2", [new("I like coffee", Memory.FactKind.Preference, "pref.drink"), new("I live in Oslo", Memory.FactKind.Profile, null)], DateTimeOffset.UtcNow, CancellationToken.None);
        var oslo = (await store.ListFactsAsync("u1", 10, CancellationToken.None)).Single(f => f.Text.Contains("Oslo", StringComparison.Ordinal));
        await store.DeleteFactAsync("u1", oslo.Id, CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        // Throws "database disk image is malformed" when the external-content index disagrees with the facts table.
        await ScalarAsync(connection, "INSERT INTO facts_fts (facts_fts, rank) VALUES ('integrity-check', 1);");
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM facts;"));
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
