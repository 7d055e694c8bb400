using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using VoiceMemory.Memory;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Facts in SQLite with an FTS5 index (see <see cref="FactSearchText"/> for how text is indexed and queried), and the
/// Markdown journal as files under <paramref name="journalRoot"/> (see <see cref="JournalFiles"/>).
/// </summary>
/// <param name="candidateWindow">
/// The most matches bm25 ranks for one search (see <see cref="SearchFactsAsync"/>); <see cref="DefaultCandidateWindow"/>
/// unless a benchmark compares against an unbounded ranking.
/// </param>
public sealed class SqliteMemoryStore(SqliteDatabase db, string journalRoot, int candidateWindow = SqliteMemoryStore.DefaultCandidateWindow) : IMemoryStore
{
    /// <summary>
    /// The default candidate window: bm25 costs about 1 µs per match, so a search ranks at most ~1 ms of matches.
    /// Chosen by measurement (docs/performance/benchmarks.md): against 2,000, at 100k facts it cut recall P95 from
    /// ~3.4 to ~2.7 ms, while the facts recalled agreed with an unbounded bm25 ranking about as often (77.9 % against
    /// 78.8 %: the agreement is set by dropping common terms, not by the window's size).
    /// </summary>
    public const int DefaultCandidateWindow = 1_000;

    private const string FactColumns = "fact_id, user_id, text, kind, key, source_turn_id, created_at, updated_at";

    private readonly int window = candidateWindow > 0 ? candidateWindow : throw new ArgumentOutOfRangeException(nameof(candidateWindow));

    private readonly JournalFiles journal = new(journalRoot);

    public async Task<IReadOnlyList<MemoryFact>> UpsertFactsAsync(string userId, string sourceTurnId, IReadOnlyList<ExtractedFact> facts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Count == 0)
        {
            return [];
        }

        foreach (var fact in facts)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(fact?.Text, nameof(facts));
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // A keyed fact's id comes from its key, so the conflict replaces the older text; created_at stays.
        command.CommandText = $"""
            INSERT INTO facts (fact_id, user_id, text, kind, key, source_turn_id, created_at, updated_at, search_text)
            VALUES ($id, $user, $text, $kind, $key, $source, $now, $now, $search)
            ON CONFLICT (fact_id) DO UPDATE SET
                text = excluded.text, kind = excluded.kind, key = excluded.key, source_turn_id = excluded.source_turn_id,
                updated_at = excluded.updated_at, search_text = excluded.search_text
            RETURNING {FactColumns};
            """;
        var id = command.Parameters.Add("$id", SqliteType.Text);
        command.Parameters.AddWithValue("$user", userId);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var kind = command.Parameters.Add("$kind", SqliteType.Text);
        var key = command.Parameters.Add("$key", SqliteType.Text);
        command.Parameters.AddWithValue("$source", sourceTurnId);
        command.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
        var search = command.Parameters.Add("$search", SqliteType.Text);

        // Later duplicates in one batch win, as they would in two batches; each fact is returned once.
        var stored = new Dictionary<string, MemoryFact>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var fact in facts)
        {
            id.Value = FactIdentity.IdFor(userId, fact);
            text.Value = fact.Text.Trim();
            kind.Value = FactKindNames.ToName(fact.Kind);
            key.Value = fact.Key is { Length: > 0 } factKey ? factKey : DBNull.Value;
            search.Value = FactSearchText.ForIndex(userId, fact.Text);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var row = ReadFact(reader, 0);
            if (stored.TryAdd(row.Id, row))
            {
                order.Add(row.Id);
            }
            else
            {
                stored[row.Id] = row;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return order.Select(factId => stored[factId]).ToList();
    }

    public Task<IReadOnlyList<MemoryFact>> ListFactsAsync(string userId, int limit, CancellationToken cancellationToken) =>
        QueryFactsAsync(
            $"SELECT {FactColumns} FROM facts f WHERE f.user_id = $user ORDER BY f.updated_at DESC, f.seq DESC LIMIT $limit;",
            userId,
            null,
            limit,
            cancellationToken);

    public Task<IReadOnlyList<MemoryFact>> ListFactsByKindAsync(string userId, FactKind kind, int limit, CancellationToken cancellationToken) =>
        QueryFactsAsync(
            $"SELECT {FactColumns} FROM facts f WHERE f.user_id = $user AND f.kind = $kind ORDER BY f.updated_at DESC, f.seq DESC LIMIT $limit;",
            userId,
            FactKindNames.ToName(kind),
            limit,
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <para>
    /// Indexed tokens carry a per-user tag (see <see cref="FactSearchText"/>), so a search reads only the asking
    /// user's postings and other users' facts cost nothing; the join reads only the winning rows and re-checks the
    /// owner. LexicalScore is -bm25 (bm25 is negative; higher is better).
    /// </para>
    /// <para>
    /// Matching is cheap (16,700 matches counted in 0.5 ms) but bm25 costs about 1 µs per matched fact (FTS5 reads
    /// each one's length), so a term that hits a large share of a big memory would dominate latency. Two bounds keep
    /// one search at a few milliseconds at 100k facts: a term matching more than the candidate window of the
    /// user's facts is dropped when more selective terms remain (it would add little to the ranking), and when the
    /// remaining terms still match more than the window, bm25 ranks the newest matches that fit in it.
    /// Below the window — every memory of up to a thousand facts — the ranking is exact bm25 over every match.
    /// </para>
    /// </remarks>
    public async Task<IReadOnlyList<ScoredFact>> SearchFactsAsync(string userId, string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var terms = FactSearchText.ToQueryTerms(userId, query);
        if (terms.Count == 0)
        {
            return [];
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        if (terms.Count > 1)
        {
            var counted = new List<(string Term, long Matches)>(terms.Count);
            foreach (var term in terms)
            {
                var matches = await ScalarAsync<long>(
                    connection,
                    "SELECT count(*) FROM (SELECT 1 FROM facts_fts WHERE facts_fts MATCH $match LIMIT $cap);",
                    term,
                    window + 1,
                    cancellationToken);
                if (matches > 0)
                {
                    counted.Add((term, matches));
                }
            }

            if (counted.Count == 0)
            {
                return [];
            }

            var selective = counted.Where(c => c.Matches <= window).Select(c => c.Term).ToList();
            terms = selective.Count > 0 ? selective : counted.Select(c => c.Term).ToList();
        }

        var match = FactSearchText.Or(terms);
        var oldestRanked = await ScalarAsync<long?>(
            connection,
            "SELECT rowid FROM facts_fts WHERE facts_fts MATCH $match ORDER BY rowid DESC LIMIT 1 OFFSET $cap;",
            match,
            window,
            cancellationToken);

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {FactColumns}, m.score
            FROM (SELECT rowid AS seq, bm25(facts_fts) AS score
                  FROM facts_fts WHERE facts_fts MATCH $match AND rowid > $after
                  ORDER BY score, rowid DESC LIMIT $limit) AS m
            JOIN facts f ON f.seq = m.seq
            WHERE f.user_id = $user
            ORDER BY m.score, f.seq DESC;
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$after", oldestRanked ?? long.MinValue);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$user", userId);

        var results = new List<ScoredFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new ScoredFact(ReadFact(reader, 0), -reader.GetDouble(8)));
        }

        return results;
    }

    public async Task<bool> DeleteFactAsync(string userId, string factId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM facts WHERE user_id = $user AND fact_id = $id;";
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$id", factId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public Task AppendJournalAsync(string userId, DateOnly day, string turnId, string entryMarkdown, CancellationToken cancellationToken) =>
        journal.AppendAsync(userId, day, turnId, entryMarkdown, cancellationToken);

    /// <inheritdoc />
    /// <remarks>The Markdown is returned as stored, turn markers (HTML comments) included.</remarks>
    public Task<IReadOnlyList<JournalDay>> ReadJournalAsync(string userId, CancellationToken cancellationToken) =>
        journal.ReadAsync(userId, cancellationToken);

    public async Task EraseUserAsync(string userId, CancellationToken cancellationToken)
    {
        await using (var connection = await db.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "DELETE FROM facts WHERE user_id = $user;";
            command.Parameters.AddWithValue("$user", userId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await journal.EraseAsync(userId, cancellationToken);
    }

    public async IAsyncEnumerable<MemoryFact> ExportFactsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {FactColumns} FROM facts f ORDER BY f.seq;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadFact(reader, 0);
        }
    }

    public IAsyncEnumerable<JournalDay> ExportJournalAsync(CancellationToken cancellationToken) => journal.ExportAsync(cancellationToken);

    public async Task ImportFactAsync(MemoryFact fact, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fact);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO facts (fact_id, user_id, text, kind, key, source_turn_id, created_at, updated_at, search_text)
            VALUES ($id, $user, $text, $kind, $key, $source, $created, $updated, $search)
            ON CONFLICT (fact_id) DO UPDATE SET
                user_id = excluded.user_id, text = excluded.text, kind = excluded.kind, key = excluded.key,
                source_turn_id = excluded.source_turn_id, created_at = excluded.created_at,
                updated_at = excluded.updated_at, search_text = excluded.search_text;
            """;
        command.Parameters.AddWithValue("$id", fact.Id);
        command.Parameters.AddWithValue("$user", fact.UserId);
        command.Parameters.AddWithValue("$text", fact.Text);
        command.Parameters.AddWithValue("$kind", FactKindNames.ToName(fact.Kind));
        command.Parameters.AddWithValue("$key", (object?)fact.Key ?? DBNull.Value);
        command.Parameters.AddWithValue("$source", fact.SourceTurnId);
        command.Parameters.AddWithValue("$created", SqliteTime.ToText(fact.CreatedAt));
        command.Parameters.AddWithValue("$updated", SqliteTime.ToText(fact.UpdatedAt));
        command.Parameters.AddWithValue("$search", FactSearchText.ForIndex(fact.UserId, fact.Text));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task ImportJournalDayAsync(JournalDay day, CancellationToken cancellationToken) => journal.ImportAsync(day, cancellationToken);

    private async Task<IReadOnlyList<MemoryFact>> QueryFactsAsync(string sql, string userId, string? kind, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$user", userId);
        command.Parameters.AddWithValue("$limit", limit);
        if (kind is not null)
        {
            command.Parameters.AddWithValue("$kind", kind);
        }

        var facts = new List<MemoryFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facts.Add(ReadFact(reader, 0));
        }

        return facts;
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, string match, int cap, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$cap", cap);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default! : (T)value;
    }

    private static MemoryFact ReadFact(SqliteDataReader reader, int first) => new(
        Id: reader.GetString(first),
        UserId: reader.GetString(first + 1),
        Text: reader.GetString(first + 2),
        Kind: FactKindNames.Parse(reader.GetString(first + 3)),
        Key: reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
        SourceTurnId: reader.GetString(first + 5),
        CreatedAt: SqliteTime.FromText(reader.GetString(first + 6)),
        UpdatedAt: SqliteTime.FromText(reader.GetString(first + 7)));
}
