using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Maintenance;

/// <summary>
/// Runs retention at start and then every <see cref="RetentionOptions.Interval"/> (daily by default; retention is
/// idempotent, so a restart running it early does no harm). Failures are logged and the schedule goes on. Does
/// nothing when <see cref="RetentionOptions.Enabled"/> is false.
/// </summary>
public sealed partial class RetentionSchedule(
    RetentionService retention,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        await ScheduleLoop.RunAsync(
            async cancellationToken =>
            {
                await retention.RunAsync(cancellationToken);
                return settings.Interval;
            },
            exception =>
            {
                // The rules that ran are counted; the rest run at the next interval.
                LogFailed(logger, exception);
                return settings.Interval;
            },
            time,
            stoppingToken);
    }

    [LoggerMessage(EventId = 7511, Level = LogLevel.Information, Message = "Scheduled retention is disabled")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 7512, Level = LogLevel.Error, Message = "Scheduled retention failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
