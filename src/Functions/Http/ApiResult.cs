using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using VoiceMemory.Api;

namespace VoiceMemory.Functions.Http;

/// <summary>
/// The answers of the HTTP functions, written straight to the response with the contract's JSON settings (camelCase,
/// enums by wire name) so they match the self-host byte for byte and need no MVC formatters.
/// </summary>
public sealed class ApiResult(Func<HttpResponse, Task> write) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return write(context.HttpContext.Response);
    }

    public static ApiResult Json<T>(T body, int status = StatusCodes.Status200OK, string? retryAfterSeconds = null) => new(async response =>
    {
        response.StatusCode = status;
        if (retryAfterSeconds is not null)
        {
            response.Headers.RetryAfter = retryAfterSeconds;
        }

        await response.WriteAsJsonAsync(body, ApiJson.Options, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
    });

    /// <summary>202 with the contract's own status URL in <c>Location</c> and the body (never a Durable management URL).</summary>
    public static ApiResult Accepted<T>(string location, T body) => new(async response =>
    {
        response.StatusCode = StatusCodes.Status202Accepted;
        response.Headers.Location = location;
        response.Headers.RetryAfter = "1";
        await response.WriteAsJsonAsync(body, ApiJson.Options, "application/json; charset=utf-8", response.HttpContext.RequestAborted);
    });

    public static ApiResult Status(int status) => new(response =>
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    });

    public static ApiResult Redirect(Uri url) => new(response =>
    {
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = url.ToString();
        response.Headers.CacheControl = "no-store";
        return Task.CompletedTask;
    });

    public static ApiResult Stream(Stream content, string contentType) => new(async response =>
    {
        await using (content)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            if (content.CanSeek)
            {
                response.ContentLength = content.Length - content.Position;
            }

            await content.CopyToAsync(response.Body, response.HttpContext.RequestAborted);
        }
    });

    /// <summary>RFC 9457 problem+json with the stable <c>code</c>; <paramref name="retryAfter"/> adds Retry-After.</summary>
    public static ApiResult Problem(HttpRequest request, string code, string detail, TimeSpan? retryAfter = null) => new(async response =>
    {
        ArgumentNullException.ThrowIfNull(request);
        response.StatusCode = ProblemCatalog.StatusFor(code);
        if (retryAfter is { } wait)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problem = new ProblemDetails
        {
            Status = response.StatusCode,
            Title = ProblemCatalog.TitleFor(code),
            Detail = detail,
            Instance = request.Path,
        };
        problem.Extensions["code"] = code;
        await response.WriteAsJsonAsync(problem, ApiJson.Options, "application/problem+json", response.HttpContext.RequestAborted);
    });
}
