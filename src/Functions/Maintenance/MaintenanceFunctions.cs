using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Maintenance;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Functions.Maintenance;

/// <summary>
/// The timers: daily backup (shared format under <c>backups/</c>, encrypted when a key is set, pruned after
/// <see cref="BackupOptions.KeepDays"/>), daily retention (plus Durable instance history), the 5-minute health probe
/// (recorded for <c>/api/health</c>, exported as <c>voicememory.health.status</c>, and the newest backup in storage as
/// <c>voicememory.backup.last_success</c>) and the 5-minute sweep of turns left
/// queued without an orchestration. Schedules are NCRONTAB in UTC.
/// </summary>
public sealed partial class MaintenanceFunctions(
    BackupService backups,
    IBackupStorage backupStorage,
    RetentionService retention,
    HealthProbe probe,
    HealthReportStore reports,
    QueuedTurnSweeper sweeper,
    InstancePurger purger,
    DurableClientScope durable,
    IOptions<BackupOptions> backupOptions,
    IOptions<RetentionOptions> retentionOptions,
    ILogger<MaintenanceFunctions> logger)
{
    public const string BackupSchedule = "0 30 2 * * *";
    public const string RetentionSchedule = "0 0 3 * * *";
    public const string HealthSchedule = "0 */5 * * * *";
    public const string SweepSchedule = "0 */5 * * * *";

    [Function("BackupTimer")]
    public async Task BackupAsync([TimerTrigger(BackupSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (!backupOptions.Value.Enabled)
        {
            LogDisabled("backup");
            return;
        }

        var result = await backups.RunAsync(BackupHosts.Azure, cancellationToken);
        LogBackup(result.BackupId);
    }

    [Function("RetentionTimer")]
    public async Task RetentionAsync([TimerTrigger(RetentionSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!retentionOptions.Value.Enabled)
        {
            LogDisabled("retention");
            return;
        }

        using (durable.Use(client))
        {
            await retention.RunAsync(cancellationToken);
        }
    }

    [Function("HealthProbeTimer")]
    public async Task HealthAsync([TimerTrigger(HealthSchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await probe.RunAsync(cancellationToken);
        await reports.SaveAsync(report, cancellationToken);

        // voicememory.backup.last_success comes from storage, not from this process's memory: the backup timer may have
        // run on another instance, or before this instance started, and a gauge of 0 would fire the backup alert.
        DateTimeOffset? newest = null;
        await foreach (var id in backupStorage.ListBackupsAsync(cancellationToken))
        {
            if (BackupIds.TryParse(id, out var taken) && (newest is null || taken > newest))
            {
                newest = taken;
            }
        }

        if (newest is { } last)
        {
            VoiceMemoryTelemetry.RecordBackupSuccess(last);
        }
    }

    [Function("QueuedTurnSweepTimer")]
    public async Task SweepAsync([TimerTrigger(SweepSchedule)] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        await sweeper.SweepAsync(client, cancellationToken);
        await purger.PurgePendingAsync(client, cancellationToken);
    }

    [LoggerMessage(EventId = 8801, Level = LogLevel.Information, Message = "Scheduled {Task} is disabled")]
    private partial void LogDisabled(string task);

    [LoggerMessage(EventId = 8802, Level = LogLevel.Information, Message = "Backup {BackupId} written")]
    private partial void LogBackup(string backupId);
}
