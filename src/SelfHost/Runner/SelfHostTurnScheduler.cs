using System.Text.Json;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>Schedules a turn by enqueueing a runner job (idempotent by turn id) and waking a worker.</summary>
public sealed class SelfHostTurnScheduler(SqliteJobStore jobs, JobSignal signal) : ITurnScheduler
{
    public async Task ScheduleAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await jobs.EnqueueAsync(request.TurnId, request.UserId, JsonSerializer.Serialize(request, RunnerJson.Options), cancellationToken);
        signal.Pulse();
    }
}
