using System.Globalization;
using System.Security.Claims;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Api;

/// <summary><c>/api/v1/memories</c> and <c>/api/v1/me</c>: the caller's facts, export and erasure.</summary>
public static class MemoryEndpoints
{
    public static IEndpointRouteBuilder MapMemoryEndpoints(this IEndpointRouteBuilder app)
    {
        var memories = app.MapGroup(TurnRoutes.Memories).RequireAuthorization().RequireRateLimiting(RateLimiting.PerUserPolicy);
        memories.MapGet("", ListAsync);
        memories.MapDelete("{factId}", DeleteAsync);

        var me = app.MapGroup(TurnRoutes.Me).RequireAuthorization().RequireRateLimiting(RateLimiting.PerUserPolicy);
        me.MapGet("export", ExportAsync);
        me.MapDelete("", EraseAsync);
        return app;
    }

    private static async Task<IResult> ListAsync(string? q, string? limit, ClaimsPrincipal user, UserDataService data, CancellationToken cancellationToken)
    {
        int? size = null;
        if (limit is not null)
        {
            size = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new ApiProblem(ErrorCodes.InvalidRequest, "limit must be a whole number.");
        }

        return Results.Json(await data.ListMemoriesAsync(user.UserId(), q, size, cancellationToken), ApiJson.Options);
    }

    private static async Task<IResult> DeleteAsync(string factId, ClaimsPrincipal user, UserDataService data, CancellationToken cancellationToken)
    {
        await data.DeleteMemoryAsync(user.UserId(), factId, cancellationToken);
        return Results.NoContent();
    }

    private static async Task<IResult> ExportAsync(ClaimsPrincipal user, UserDataService data, CancellationToken cancellationToken) =>
        Results.Json(await data.ExportAsync(user.UserId(), cancellationToken), ApiJson.Options);

    private static async Task<IResult> EraseAsync(ClaimsPrincipal user, UserDataService data, CancellationToken cancellationToken)
    {
        await data.EraseAsync(user.UserId(), cancellationToken);
        return Results.NoContent();
    }
}
