using Microsoft.AspNetCore.Http;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Api;

/// <summary>
/// Turns every failure into problem+json with a stable code: typed errors keep theirs, framework 4xx (bad
/// query values, oversized bodies) map to the contract's codes, a full or read-only disk seen by SQLite or the file
/// system maps to <c>storage_full</c> (507) or <c>storage_unavailable</c> (503), and anything else is a logged 500.
/// Unmatched routes and methods also answer problem+json.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
            if (!context.Response.HasStarted && context.Response.ContentLength is null && context.Response.StatusCode is 404 or 405)
            {
                var code = context.Response.StatusCode == 404 ? ErrorCodes.NotFound : ErrorCodes.MethodNotAllowed;
                var detail = context.Response.StatusCode == 404 ? "No such resource." : "That method is not allowed here.";
                await ProblemWriter.WriteAsync(context, code, detail, status: context.Response.StatusCode);
            }
        }
        catch (VoiceMemoryException typed) when (!context.Response.HasStarted)
        {
            var retryAfter = (typed as ApiProblem)?.RetryAfter;
            if (ProblemCatalog.StatusFor(typed.Code) >= 500)
            {
                LogServerProblem(typed.Code, context.Request.Path, typed);
            }

            await ProblemWriter.WriteAsync(context, typed.Code, typed.Message, retryAfter);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var code = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ErrorCodes.AudioTooLarge : ErrorCodes.InvalidRequest;
            var detail = code == ErrorCodes.AudioTooLarge ? "The request body is larger than allowed." : "The request could not be read: check its parameters and body.";
            await ProblemWriter.WriteAsync(context, code, detail);
        }
        catch (Exception error) when (!context.Response.HasStarted && StorageFailures.Translate(error, "the data") is { } storage)
        {
            LogServerProblem(storage.Code, context.Request.Path, error);
            await ProblemWriter.WriteAsync(context, storage.Code, storage.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception error) when (!context.Response.HasStarted)
        {
            LogUnhandled(context.Request.Path, error);
            await ProblemWriter.WriteAsync(context, ErrorCodes.Internal, "An unexpected error occurred; it has been logged.");
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private partial void LogUnhandled(string path, Exception error);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "Server-side problem {Code} on {Path}")]
    private partial void LogServerProblem(string code, string path, Exception error);
}
