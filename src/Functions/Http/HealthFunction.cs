using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Maintenance;
using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Http;

/// <summary>
/// <c>/api/health</c>, anonymous: the report the probe timer recorded; when there is none yet, it is stale (the timer
/// has not run for three intervals) or the report cannot be read, a fresh probe answers (and is recorded when storage
/// allows). 503 when unhealthy. No secrets, no user data.
/// </summary>
public sealed partial class HealthFunction(HealthProbe probe, HealthReportStore reports, IOptions<HealthOptions> options, TimeProvider time, ILogger<HealthFunction> logger)
{
    [Function("Health")]
    public async Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = request.HttpContext.RequestAborted;
        HealthReport? report = null;
        try
        {
            report = await reports.ReadAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogReportUnreadable(error);
        }

        if (report is null || time.GetUtcNow() - report.CheckedAt > 3 * options.Value.Interval)
        {
            report = await probe.RunAsync(cancellationToken);
            try
            {
                await reports.SaveAsync(report, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The storage check in the report already says so; the answer still goes out.
                LogReportUnsaved(error);
            }
        }

        var status = report.Status == HealthState.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return ApiResult.Json(new HealthBody(report.Status, report.CheckedAt, report.Checks), status);
    }

    [LoggerMessage(EventId = 8901, Level = LogLevel.Warning, Message = "The recorded health report could not be read; probing now")]
    private partial void LogReportUnreadable(Exception error);

    [LoggerMessage(EventId = 8902, Level = LogLevel.Warning, Message = "The health report could not be recorded")]
    private partial void LogReportUnsaved(Exception error);
}
