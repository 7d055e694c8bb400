namespace VoiceMemory.Turns;

/// <summary>Starts a turn's workflow: the self-host enqueues a runner job, Azure schedules an orchestration. Idempotent by turn id.</summary>
public interface ITurnScheduler
{
    Task ScheduleAsync(TurnRequest request, CancellationToken cancellationToken);
}
