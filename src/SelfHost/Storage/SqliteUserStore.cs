using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>API-key users in SQLite; the key hash is unique, so one key can never authenticate two users.</summary>
public sealed class SqliteUserStore(SqliteDatabase db) : IUserStore
{
    private const string Columns = "user_id, name, key_hash, created_at";
    private const int SqliteConstraint = 19;

    /// <exception cref="InvalidOperationException">The user id or the key hash is already taken.</exception>
    public async Task AddAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO users ({Columns}) VALUES ($id, $name, $hash, $created);";
        Bind(command, account);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new InvalidOperationException("A user with this id or key already exists.", ex);
        }
    }

    /// <remarks>A revoked user's key no longer authenticates.</remarks>
    public Task<UserAccount?> FindByKeyHashAsync(string keyHash, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns} FROM users WHERE key_hash = $value AND revoked_at IS NULL;", keyHash, cancellationToken);

    /// <summary>Every user, oldest first, with whether their key is revoked.</summary>
    public async Task<IReadOnlyList<UserListing>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id, name, created_at, revoked_at FROM users ORDER BY created_at, user_id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var users = new List<UserListing>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(new UserListing(
                reader.GetString(0),
                reader.GetString(1),
                SqliteTime.FromText(reader.GetString(2)),
                reader.IsDBNull(3) ? null : SqliteTime.FromText(reader.GetString(3))));
        }

        return users;
    }

    /// <summary>
    /// Revokes a user's key at once: the stored hash is replaced by the hash of a key nobody holds (so even a backup
    /// restored later cannot bring the old key back) and the user is marked revoked. Their data stays.
    /// </summary>
    public async Task<bool> RevokeAsync(string userId, string unusableKeyHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET key_hash = $hash, revoked_at = $now WHERE user_id = $id;";
        command.Parameters.AddWithValue("$id", userId);
        command.Parameters.AddWithValue("$hash", unusableKeyHash);
        command.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Gives a user a new key (the old one stops working at once); also lifts a revocation.</summary>
    public async Task<bool> RotateAsync(string userId, string newKeyHash, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE users SET key_hash = $hash, revoked_at = NULL WHERE user_id = $id;";
        command.Parameters.AddWithValue("$id", userId);
        command.Parameters.AddWithValue("$hash", newKeyHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task<UserAccount?> GetAsync(string userId, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns} FROM users WHERE user_id = $value;", userId, cancellationToken);

    public async Task<bool> DeleteAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM users WHERE user_id = $id;";
        command.Parameters.AddWithValue("$id", userId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async IAsyncEnumerable<UserAccount> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM users ORDER BY created_at, user_id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <inheritdoc />
    /// <remarks>Replaces a user with the same id; a different user holding the same key hash is a conflict and throws.</remarks>
    public async Task ImportAsync(UserAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            INSERT INTO users ({Columns}) VALUES ($id, $name, $hash, $created)
            ON CONFLICT (user_id) DO UPDATE SET name = excluded.name, key_hash = excluded.key_hash, created_at = excluded.created_at;
            """;
        Bind(command, account);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            throw new InvalidOperationException("Another user already holds this key.", ex);
        }
    }

    private async Task<UserAccount?> SingleAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static void Bind(SqliteCommand command, UserAccount account)
    {
        command.Parameters.AddWithValue("$id", account.UserId);
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$hash", account.KeyHash);
        command.Parameters.AddWithValue("$created", SqliteTime.ToText(account.CreatedAt));
    }

    private static UserAccount Read(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2), SqliteTime.FromText(reader.GetString(3)));
}
