using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using VoiceMemory.Api;
using VoiceMemory.Functions.RateLimiting;

namespace VoiceMemory.Functions.Http;

/// <summary>
/// What every authenticated HTTP function does around its work: resolve the caller, take a rate-limit token, run, and
/// turn every failure into problem+json with a stable code — typed errors keep theirs, storage failures are
/// <c>storage_unavailable</c> (503), anything else is a logged 500 without internals.
/// </summary>
public sealed partial class ApiGate(CallerResolver callers, UserRateLimiter limiter, ILogger<ApiGate> logger)
{
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<string, Task<IActionResult>> work)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            var userId = callers.Resolve(request);
            await limiter.AcquireAsync(userId, request.HttpContext.RequestAborted);
            return await work(userId);
        }
        catch (Exception error)
        {
            return Problem(request, error);
        }
    }

    /// <summary>The problem answer for <paramref name="error"/> (also used by the anonymous health function).</summary>
    public IActionResult Problem(HttpRequest request, Exception error)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (error)
        {
            case ApiProblem problem:
                return ApiResult.Problem(request, problem.Code, problem.Message, problem.RetryAfter);
            case VoiceMemoryException typed:
                if (ProblemCatalog.StatusFor(typed.Code) >= 500)
                {
                    LogServerProblem(typed.Code, request.Path, typed);
                }

                return ApiResult.Problem(request, typed.Code, typed.Message);
            case RequestFailedException storage:
                LogServerProblem(ErrorCodes.StorageUnavailable, request.Path, storage);
                return ApiResult.Problem(request, ErrorCodes.StorageUnavailable, "Storage is unavailable; try again shortly.", TimeSpan.FromSeconds(5));
            default:
                LogUnhandled(request.Path, error);
                return ApiResult.Problem(request, ErrorCodes.Internal, "An unexpected error occurred; it has been logged.");
        }
    }

    [LoggerMessage(EventId = 8701, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(string path, Exception error);

    [LoggerMessage(EventId = 8702, Level = LogLevel.Error, Message = "Server-side problem {Code} on {Path}")]
    private partial void LogServerProblem(string code, string path, Exception error);
}
