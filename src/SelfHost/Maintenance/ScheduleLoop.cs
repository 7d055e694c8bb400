namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// The loop every maintenance schedule runs: do the work, wait as long as it says (or as the failure handler says),
/// repeat until the host stops. A failure is handed to the schedule to log and never takes the host down.
/// </summary>
internal static class ScheduleLoop
{
    public static async Task RunAsync(
        Func<CancellationToken, Task<TimeSpan>> runOnce,
        Func<Exception, TimeSpan> onFailure,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await runOnce(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                wait = onFailure(exception);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
