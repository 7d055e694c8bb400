using Microsoft.Data.Sqlite;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// The durable queue and checkpoints of the self-host runner. A job is claimed with a lease by one atomic UPDATE, so
/// parallel workers (or processes) never run the same turn at once; a worker that dies leaves a lease that expires
/// and is claimed again. Every state change after a claim is guarded by the lease owner: a worker that lost its lease
/// changes nothing. Times are unix milliseconds from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SqliteJobStore(SqliteDatabase db, TimeProvider time)
{
    /// <summary>Adds a pending job, due now; false when the turn already has a job.</summary>
    public async Task<bool> EnqueueAsync(string turnId, string userId, string requestJson, CancellationToken ct)
    {
        var now = NowMs();
        return await ExecuteAsync(
            """
            INSERT INTO jobs (turn_id, user_id, request_json, state, attempts, next_attempt_at, created_at, updated_at)
            VALUES ($turn, $user, $request, 'pending', 0, $now, $now, $now)
            ON CONFLICT (turn_id) DO NOTHING;
            """,
            [("$turn", turnId), ("$user", userId), ("$request", requestJson), ("$now", now)],
            ct) == 1;
    }

    /// <summary>
    /// Claims the oldest due job — pending and due, or running with an expired lease — for <paramref name="workerId"/>;
    /// null when none is due. Taking over an expired lease counts as an attempt (its last run was interrupted, e.g. by a
    /// crash), so a turn that keeps killing the process is eventually failed instead of retried forever.
    /// </summary>
    public async Task<JobLease?> TryClaimAsync(string workerId, TimeSpan lease, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(workerId);
        var now = NowMs();
        var until = now + (long)lease.TotalMilliseconds;
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        // One statement: the choice and the claim happen under the same write lock, so two claimers cannot both win.
        command.CommandText = """
            UPDATE jobs SET state = 'running', lease_owner = $worker, lease_until = $until, updated_at = $now,
                attempts = attempts + (CASE WHEN state = 'running' THEN 1 ELSE 0 END)
            WHERE turn_id = (
                SELECT turn_id FROM (
                    SELECT turn_id, next_attempt_at, created_at FROM jobs WHERE state = 'pending' AND next_attempt_at <= $now
                    UNION ALL
                    SELECT turn_id, next_attempt_at, created_at FROM jobs WHERE state = 'running' AND lease_until <= $now)
                ORDER BY next_attempt_at, created_at, turn_id
                LIMIT 1)
            RETURNING turn_id, user_id, request_json, attempts;
            """;
        command.Parameters.AddWithValue("$worker", workerId);
        command.Parameters.AddWithValue("$until", until);
        command.Parameters.AddWithValue("$now", now);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new JobLease(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), workerId, SqliteTime.FromUnixMs(until));
    }

    /// <summary>Extends the lease; false when the job is no longer running under this worker's lease.</summary>
    public async Task<bool> RenewLeaseAsync(string turnId, string workerId, TimeSpan lease, CancellationToken ct)
    {
        var now = NowMs();
        return await ExecuteAsync(
            """
            UPDATE jobs SET lease_until = $until, updated_at = $now
            WHERE turn_id = $turn AND state = 'running' AND lease_owner = $worker;
            """,
            [("$turn", turnId), ("$worker", workerId), ("$until", now + (long)lease.TotalMilliseconds), ("$now", now)],
            ct) == 1;
    }

    /// <summary>Back to pending at <paramref name="nextAttemptAt"/> with one more attempt counted; ignored when the lease is not ours.</summary>
    public Task RescheduleAsync(string turnId, string workerId, DateTimeOffset nextAttemptAt, string error, CancellationToken ct) =>
        ExecuteAsync(
            """
            UPDATE jobs SET state = 'pending', attempts = attempts + 1, next_attempt_at = $next, last_error = $error,
                            lease_owner = NULL, lease_until = NULL, updated_at = $now
            WHERE turn_id = $turn AND state = 'running' AND lease_owner = $worker;
            """,
            [("$turn", turnId), ("$worker", workerId), ("$next", SqliteTime.ToUnixMs(nextAttemptAt)), ("$error", error), ("$now", NowMs())],
            ct);

    /// <summary>Marks the job completed; ignored when the lease is not ours.</summary>
    public Task CompleteAsync(string turnId, string workerId, CancellationToken ct) =>
        FinishAsync(turnId, workerId, "completed", null, ct);

    /// <summary>Marks the job failed for good; ignored when the lease is not ours.</summary>
    public Task FailAsync(string turnId, string workerId, string error, CancellationToken ct) =>
        FinishAsync(turnId, workerId, "failed", error, ct);

    /// <summary>Graceful shutdown: this worker's running jobs go back to pending, due now, attempts unchanged.</summary>
    public Task<int> ReleaseLeasesAsync(string workerId, CancellationToken ct)
    {
        var now = NowMs();
        return ExecuteAsync(
            """
            UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = $now, updated_at = $now
            WHERE state = 'running' AND lease_owner = $worker;
            """,
            [("$worker", workerId), ("$now", now)],
            ct);
    }

    /// <summary>Start-up: running jobs whose lease expired (their worker died) go back to pending, due now; the interrupted run counts as an attempt.</summary>
    public Task<int> ReclaimExpiredAsync(CancellationToken ct)
    {
        var now = NowMs();
        return ExecuteAsync(
            """
            UPDATE jobs SET state = 'pending', lease_owner = NULL, lease_until = NULL, next_attempt_at = $now, updated_at = $now,
                attempts = attempts + 1
            WHERE state = 'running' AND lease_until <= $now;
            """,
            [("$now", now)],
            ct);
    }

    /// <summary>The stored output of step <paramref name="seq"/> of the turn, or null when the step has not run.</summary>
    public async Task<string?> GetCheckpointAsync(string turnId, int seq, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT output_json FROM checkpoints WHERE turn_id = $turn AND seq = $seq;";
        command.Parameters.AddWithValue("$turn", turnId);
        command.Parameters.AddWithValue("$seq", seq);
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>Stores a step's output. The first stored output wins, so a replay always sees the same result.</summary>
    /// <exception cref="InvalidOperationException">The turn has no job (it was erased or purged).</exception>
    public async Task SaveCheckpointAsync(string turnId, int seq, string step, string outputJson, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO checkpoints (turn_id, seq, step, output_json, created_at)
            SELECT $turn, $seq, $step, $output, $now WHERE EXISTS (SELECT 1 FROM jobs WHERE turn_id = $turn)
            ON CONFLICT (turn_id, seq) DO NOTHING;
            SELECT EXISTS (SELECT 1 FROM jobs WHERE turn_id = $turn);
            """;
        command.Parameters.AddWithValue("$turn", turnId);
        command.Parameters.AddWithValue("$seq", seq);
        command.Parameters.AddWithValue("$step", step);
        command.Parameters.AddWithValue("$output", outputJson);
        command.Parameters.AddWithValue("$now", NowMs());
        if (await command.ExecuteScalarAsync(ct) is not 1L)
        {
            throw new InvalidOperationException("The turn has no runner job; its checkpoint was not stored.");
        }
    }

    public async Task<JobCounts> CountAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM jobs GROUP BY state;";
        int pending = 0, running = 0, completed = 0, failed = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var count = reader.GetInt32(1);
            switch (reader.GetString(0))
            {
                case "pending": pending = count; break;
                case "running": running = count; break;
                case "completed": completed = count; break;
                case "failed": failed = count; break;
            }
        }

        return new JobCounts(pending, running, completed, failed);
    }

    /// <summary>Erase: removes every job of the user; their checkpoints go with them (ON DELETE CASCADE).</summary>
    public Task DeleteUserJobsAsync(string userId, CancellationToken ct) =>
        ExecuteAsync(
            "DELETE FROM jobs WHERE user_id = $user;",
            [("$user", userId)],
            ct);

    /// <summary>
    /// Removes completed and failed jobs last changed before <paramref name="cutoff"/>; their checkpoints (which hold
    /// transcripts) go with them. Returns how many jobs.
    /// </summary>
    public Task<int> DeleteFinishedOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct) =>
        ExecuteAsync(
            "DELETE FROM jobs WHERE state IN ('completed', 'failed') AND updated_at < $cutoff;",
            [("$cutoff", SqliteTime.ToUnixMs(cutoff))],
            ct);

    // A finished job keeps only its state: its request and checkpoints hold the user's words (even a crisis turn's),
    // which memory must not keep once the turn is done.
    private Task FinishAsync(string turnId, string workerId, string state, string? error, CancellationToken ct) =>
        ExecuteAsync(
            """
            UPDATE jobs SET state = $state, last_error = COALESCE($error, last_error), lease_owner = NULL, lease_until = NULL, updated_at = $now,
                request_json = '{}'
            WHERE turn_id = $turn AND state = 'running' AND lease_owner = $worker;
            DELETE FROM checkpoints WHERE turn_id = $turn
                AND EXISTS (SELECT 1 FROM jobs WHERE turn_id = $turn AND state IN ('completed', 'failed'));
            """,
            [("$turn", turnId), ("$worker", workerId), ("$state", state), ("$error", (object?)error ?? DBNull.Value), ("$now", NowMs())],
            ct);

    private long NowMs() => SqliteTime.ToUnixMs(time.GetUtcNow());

    // Every statement here is a single autocommit statement: atomic on its own, and foreign_keys=ON (set on open)
    // makes deleting a job delete its checkpoints in the same statement.
    private async Task<int> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }
}
