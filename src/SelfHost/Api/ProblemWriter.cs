using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api;

/// <summary>Writes RFC 9457 problem+json with the stable <c>code</c> extension.</summary>
public static class ProblemWriter
{
    public static ProblemDetails Create(HttpContext context, string code, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = new ProblemDetails
        {
            Status = ProblemCatalog.StatusFor(code),
            Title = ProblemCatalog.TitleFor(code),
            Detail = detail,
            Instance = context.Request.Path,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static Task WriteAsync(HttpContext context, ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        return WriteAsync(context, problem.Code, problem.Message, problem.RetryAfter);
    }

    /// <summary>Writes the problem for <paramref name="code"/>; <paramref name="status"/> overrides the catalog's status (e.g. 405).</summary>
    public static async Task WriteAsync(HttpContext context, string code, string detail, TimeSpan? retryAfter = null, int? status = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status ?? ProblemCatalog.StatusFor(code);
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var problem = Create(context, code, detail);
        problem.Status = context.Response.StatusCode;
        await context.Response.WriteAsJsonAsync(problem, VoiceMemory.Api.ApiJson.Options, "application/problem+json", context.RequestAborted);
    }
}
