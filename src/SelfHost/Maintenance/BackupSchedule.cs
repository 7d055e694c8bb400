using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// Takes a backup whenever the newest complete backup is older than <see cref="BackupOptions.Interval"/>, judging by
/// the backup ids in storage, so a restart neither skips nor doubles a backup. A failed backup is logged and tried
/// again after 15 minutes (or the interval, if shorter). Does nothing when <see cref="BackupOptions.Enabled"/> is false.
/// </summary>
public sealed partial class BackupSchedule(
    BackupService backups,
    IBackupStorage storage,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupSchedule> logger,
    HealthProbe? health = null) : BackgroundService
{
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(15);
    internal static readonly TimeSpan MinimumWait = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        await ScheduleLoop.RunAsync(
            cancellationToken => RunIfDueAsync(settings.Interval, cancellationToken),
            exception =>
            {
                // The failure is counted (voicememory.backup.runs) and retried sooner than a full interval.
                var wait = settings.Interval < RetryDelay ? settings.Interval : RetryDelay;
                LogFailed(logger, exception, (long)wait.TotalSeconds);
                return wait;
            },
            time,
            stoppingToken);
    }

    /// <summary>Backs up if one is due; returns how long to wait before looking again.</summary>
    private async Task<TimeSpan> RunIfDueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? newest = null;
        await foreach (var id in storage.ListBackupsAsync(cancellationToken))
        {
            // A backup dated in the future (the clock was wrong) does not hold back new ones.
            if (BackupIds.TryParse(id, out var taken) && taken <= now && (newest is null || taken > newest))
            {
                newest = taken;
            }
        }

        if (newest is { } last && last + interval > now)
        {
            var wait = last + interval - now;
            LogNotDue(logger, (long)wait.TotalSeconds);
            return wait;
        }

        var result = await backups.RunAsync(BackupHosts.SelfHost, cancellationToken);
        if (health is not null)
        {
            // The health report follows the backup: without this, a fresh start reports "no backup yet" (degraded)
            // until the next scheduled probe, minutes after the start-up backup finished.
            await health.RunAsync(cancellationToken);
        }

        _ = BackupIds.TryParse(result.BackupId, out var started);
        var next = started + interval - time.GetUtcNow();
        return next < MinimumWait ? MinimumWait : next;
    }

    [LoggerMessage(EventId = 7501, Level = LogLevel.Information, Message = "Scheduled backups are disabled")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 7502, Level = LogLevel.Error, Message = "Scheduled backup failed; trying again in {RetrySeconds} s")]
    private static partial void LogFailed(ILogger logger, Exception exception, long retrySeconds);

    [LoggerMessage(EventId = 7503, Level = LogLevel.Debug, Message = "Next backup due in {Seconds} s")]
    private static partial void LogNotDue(ILogger logger, long seconds);
}
