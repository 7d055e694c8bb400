using System.Text.Json;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>
/// A crash between recording a turn and enqueueing its job would leave a queued turn that nothing runs.
/// On start-up every queued turn without a job is scheduled again, so an accepted turn is never lost.
/// </summary>
public sealed partial class OrphanedTurnSweeper(SqliteDatabase database, ITurnScheduler scheduler, ILogger<OrphanedTurnSweeper> logger)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var orphans = new List<TurnRecord>();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT t.record_json FROM turns t WHERE t.state = 'queued' AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.turn_id = t.turn_id)";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (JsonSerializer.Deserialize<TurnRecord>(reader.GetString(0), RunnerJson.Options) is { } turn)
                {
                    orphans.Add(turn);
                }
            }
        }

        foreach (var turn in orphans)
        {
            await scheduler.ScheduleAsync(TurnRequests.From(turn), cancellationToken);
        }

        if (orphans.Count > 0)
        {
            LogRescheduled(orphans.Count);
            VoiceMemoryTelemetry.TurnsRescheduled.Add(orphans.Count, new KeyValuePair<string, object?>("host", "selfhost"));
        }

        return orphans.Count;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Re-scheduled {Count} accepted turn(s) that had no runner job")]
    private partial void LogRescheduled(int count);
}
