namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// Schema migrations, applied in order; <c>PRAGMA user_version</c> holds how many have run. Never edit a shipped
/// migration: append a new one.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Migrations { get; } = [V1, V2];

    // Times are fixed-width ISO-8601 UTC text with 100 ns precision ("2025-01-02T03:04:05.0000000Z"): they sort as
    // text, round-trip DateTimeOffset exactly and stay readable. The runner tables use unix milliseconds instead,
    // because the claim query compares them with "now" arithmetic.
    private const string V1 = """
        CREATE TABLE IF NOT EXISTS users (
            user_id    TEXT NOT NULL PRIMARY KEY,
            name       TEXT NOT NULL,
            key_hash   TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );

        CREATE TABLE IF NOT EXISTS turns (
            user_id         TEXT NOT NULL,
            turn_id         TEXT NOT NULL,
            created_at      TEXT NOT NULL,
            updated_at      TEXT NOT NULL,
            state           TEXT NOT NULL,
            idempotency_key TEXT,
            record_json     TEXT NOT NULL,
            PRIMARY KEY (user_id, turn_id)
        );
        CREATE UNIQUE INDEX IF NOT EXISTS turns_turn_id ON turns (turn_id);
        CREATE UNIQUE INDEX IF NOT EXISTS turns_idempotency ON turns (user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
        CREATE INDEX IF NOT EXISTS turns_user_created ON turns (user_id, created_at DESC, turn_id DESC);
        CREATE INDEX IF NOT EXISTS turns_created ON turns (created_at);

        -- seq is the FTS rowid: an explicit INTEGER PRIMARY KEY, because VACUUM may renumber implicit rowids and
        -- would silently detach the external-content index. fact_id is the public identity.
        -- search_text is the text as indexed: its tokens, each prefixed with a per-user tag (see FactSearchText).
        CREATE TABLE IF NOT EXISTS facts (
            seq            INTEGER PRIMARY KEY,
            fact_id        TEXT NOT NULL UNIQUE,
            user_id        TEXT NOT NULL,
            text           TEXT NOT NULL,
            kind           TEXT NOT NULL,
            key            TEXT,
            source_turn_id TEXT NOT NULL,
            created_at     TEXT NOT NULL,
            updated_at     TEXT NOT NULL,
            search_text    TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS facts_user_updated ON facts (user_id, updated_at DESC);
        CREATE INDEX IF NOT EXISTS facts_user_kind ON facts (user_id, kind, updated_at DESC);

        CREATE VIRTUAL TABLE IF NOT EXISTS facts_fts USING fts5 (
            search_text,
            content = 'facts', content_rowid = 'seq',
            tokenize = "porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'"
        );
        CREATE TRIGGER IF NOT EXISTS facts_fts_insert AFTER INSERT ON facts BEGIN
            INSERT INTO facts_fts (rowid, search_text) VALUES (new.seq, new.search_text);
        END;
        CREATE TRIGGER IF NOT EXISTS facts_fts_delete AFTER DELETE ON facts BEGIN
            INSERT INTO facts_fts (facts_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
        END;
        CREATE TRIGGER IF NOT EXISTS facts_fts_update AFTER UPDATE OF search_text ON facts BEGIN
            INSERT INTO facts_fts (facts_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
            INSERT INTO facts_fts (rowid, search_text) VALUES (new.seq, new.search_text);
        END;

        CREATE TABLE IF NOT EXISTS jobs (
            turn_id         TEXT NOT NULL PRIMARY KEY,
            user_id         TEXT NOT NULL,
            request_json    TEXT NOT NULL,
            state           TEXT NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'failed')),
            attempts        INTEGER NOT NULL DEFAULT 0,
            lease_owner     TEXT,
            lease_until     INTEGER,
            next_attempt_at INTEGER NOT NULL,
            last_error      TEXT,
            created_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS jobs_due ON jobs (state, next_attempt_at);
        CREATE INDEX IF NOT EXISTS jobs_lease ON jobs (state, lease_until);
        CREATE INDEX IF NOT EXISTS jobs_user ON jobs (user_id);

        -- The cascade keeps erased or purged jobs from leaving transcripts behind in their checkpoints.
        CREATE TABLE IF NOT EXISTS checkpoints (
            turn_id     TEXT NOT NULL REFERENCES jobs (turn_id) ON DELETE CASCADE,
            seq         INTEGER NOT NULL,
            step        TEXT NOT NULL,
            output_json TEXT NOT NULL,
            created_at  INTEGER NOT NULL,
            PRIMARY KEY (turn_id, seq)
        );

        CREATE TABLE IF NOT EXISTS health_canary (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            nonce      INTEGER NOT NULL,
            checked_at INTEGER NOT NULL
        );
        """;

    // V2: revoked keys (users revoke) and erasure that leaves no words behind (decision 0003). FTS5's secure-delete
    // removes a deleted fact's tokens from the index segments at once instead of adding a tombstone that leaves them
    // in older segments; 'optimize' merges what earlier versions left, so existing databases are clean too.
    private const string V2 = """
        ALTER TABLE users ADD COLUMN revoked_at TEXT;
        INSERT INTO facts_fts (facts_fts, rank) VALUES ('secure-delete', 1);
        INSERT INTO facts_fts (facts_fts) VALUES ('optimize');
        """;
}
