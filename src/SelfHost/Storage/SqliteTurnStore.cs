using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Turn records in SQLite: the whole record as JSON plus the columns that are queried (user, times, state,
/// idempotency key). Uniqueness of (user, idempotency key) is enforced by a partial unique index, so concurrent
/// submissions with the same key resolve to one turn without any lock in the process.
/// </summary>
public sealed class SqliteTurnStore(SqliteDatabase db) : ITurnStore
{
    private const string Columns = "record_json";

    public async Task<TurnRecord> AddAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO turns (user_id, turn_id, created_at, updated_at, state, idempotency_key, record_json)
                VALUES ($user, $turn, $created, $updated, $state, $key, $json)
                ON CONFLICT DO NOTHING;
                """;
            BindRecord(insert, record);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return record;
            }
        }

        // Something unique was already there: the same key of the same user (the race this method exists for),
        // or the same turn id (a retried add).
        if (record.IdempotencyKey is { } key)
        {
            await using var byKey = connection.CreateCommand();
            byKey.CommandText = $"SELECT {Columns} FROM turns WHERE user_id = $user AND idempotency_key = $key;";
            byKey.Parameters.AddWithValue("$user", record.UserId);
            byKey.Parameters.AddWithValue("$key", key);
            if (await byKey.ExecuteScalarAsync(cancellationToken) is string existingJson)
            {
                return Deserialize(existingJson);
            }
        }

        await using var byId = connection.CreateCommand();
        byId.CommandText = $"SELECT {Columns} FROM turns WHERE user_id = $user AND turn_id = $turn;";
        byId.Parameters.AddWithValue("$user", record.UserId);
        byId.Parameters.AddWithValue("$turn", record.TurnId);
        return await byId.ExecuteScalarAsync(cancellationToken) is string sameTurnJson
            ? Deserialize(sameTurnJson)
            : throw new InvalidOperationException("The turn id is already used by another user.");
    }

    public async Task<TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM turns WHERE user_id = $user AND turn_id = $turn;";
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$turn", turnId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? Deserialize(json) : null;
    }

    public async Task SaveAsync(TurnRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO turns (user_id, turn_id, created_at, updated_at, state, idempotency_key, record_json)
            VALUES ($user, $turn, $created, $updated, $state, $key, $json)
            ON CONFLICT (user_id, turn_id) DO UPDATE SET
                created_at = excluded.created_at, updated_at = excluded.updated_at, state = excluded.state,
                idempotency_key = excluded.idempotency_key, record_json = excluded.record_json;
            """;
        BindRecord(command, record);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The cursor was not made by this store (answer 400).</exception>
    public async Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        (DateTimeOffset CreatedAt, string TurnId)? after = cursor is null ? null : TurnCursor.Decode(cursor);

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = after is null
            ? $"SELECT {Columns} FROM turns WHERE user_id = $user ORDER BY created_at DESC, turn_id DESC LIMIT $take;"
            : $"""
              SELECT {Columns} FROM turns
              WHERE user_id = $user AND (created_at < $created OR (created_at = $created AND turn_id < $turn))
              ORDER BY created_at DESC, turn_id DESC LIMIT $take;
              """;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$take", (long)limit + 1);
        if (after is { } position)
        {
            command.Parameters.AddWithValue("$created", SqliteTime.ToText(position.CreatedAt));
            command.Parameters.AddWithValue("$turn", position.TurnId);
        }

        var items = new List<TurnRecord>(Math.Min(limit + 1, 256));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Deserialize(reader.GetString(0)));
            }
        }

        if (items.Count <= limit)
        {
            return new TurnPage(items, null);
        }

        items.RemoveAt(limit);
        var last = items[^1];
        return new TurnPage(items, TurnCursor.Encode(last.CreatedAt, last.TurnId));
    }

    public IAsyncEnumerable<TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        StreamAsync(
            $"SELECT {Columns} FROM turns WHERE created_at < $cutoff ORDER BY created_at;",
            ("$cutoff", SqliteTime.ToText(cutoff)),
            cancellationToken);

    public IAsyncEnumerable<TurnRecord> ExportAsync(CancellationToken cancellationToken) =>
        StreamAsync($"SELECT {Columns} FROM turns ORDER BY rowid;", null, cancellationToken);

    public async Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turns WHERE user_id = $user AND turn_id = $turn;";
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$turn", turnId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM turns WHERE user_id = $user;";
        command.Parameters.AddWithValue("$user", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Rows are read while the consumer iterates; WAL gives the reader a stable snapshot, so the consumer may delete
    // what it is shown (retention does) through other connections.
    private async IAsyncEnumerable<TurnRecord> StreamAsync(
        string sql,
        (string Name, object Value)? parameter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is { } bound)
        {
            command.Parameters.AddWithValue(bound.Name, bound.Value);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Deserialize(reader.GetString(0));
        }
    }

    private static void BindRecord(SqliteCommand command, TurnRecord record)
    {
        command.Parameters.AddWithValue("$user", record.UserId);
        command.Parameters.AddWithValue("$turn", record.TurnId);
        command.Parameters.AddWithValue("$created", SqliteTime.ToText(record.CreatedAt));
        command.Parameters.AddWithValue("$updated", SqliteTime.ToText(record.UpdatedAt));
        command.Parameters.AddWithValue("$state", JsonSerializer.Serialize(record.State, StorageJson.Options).Trim('"'));
        command.Parameters.AddWithValue("$key", (object?)record.IdempotencyKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$json", JsonSerializer.Serialize(record, StorageJson.Options));
    }

    private static TurnRecord Deserialize(string json) =>
        JsonSerializer.Deserialize<TurnRecord>(json, StorageJson.Options)
        ?? throw new InvalidOperationException("A stored turn record is empty.");
}
