using System.Globalization;
using System.Security.Claims;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Api.OpenApi;

namespace VoiceMemory.SelfHost.Api;

/// <summary><c>/api/v1/memories</c> and <c>/api/v1/me</c>: the caller's facts, export and erasure.</summary>
public static class MemoryEndpoints
{
    public static IEndpointRouteBuilder MapMemoryEndpoints(this IEndpointRouteBuilder app)
    {
        var memories = app.MapGroup(TurnRoutes.Memories).RequireAuthorization().RequireRateLimiting(RateLimiting.PerUserPolicy);
        memories.MapGet("", ListAsync)
            .Produces<MemoryListBody>()
            .Describe(
                "listMemories",
                "The caller's facts",
                "Newest first, or ranked by relevance to q (at most 500 characters). limit: 1–200 (default 50).",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.InvalidRequest]);
        memories.MapDelete("{factId}", DeleteAsync)
            .Produces(StatusCodes.Status204NoContent)
            .Describe(
                "deleteMemory",
                "Delete one fact",
                "The fact is removed from the database files and the search index before the answer (the turn it came from stays).",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.NotFound]);

        var me = app.MapGroup(TurnRoutes.Me).RequireAuthorization().RequireRateLimiting(RateLimiting.PerUserPolicy);
        me.MapGet("export", ExportAsync)
            .Produces<ExportBody>()
            .Describe("exportMe", "Everything held about the caller", "Turns, facts and journal.", ApiContractExtensions.CommonCodes);
        me.MapDelete("", EraseAsync)
            .Produces(StatusCodes.Status204NoContent)
            .Describe(
                "eraseMe",
                "Erase everything held about the caller",
                "Turns, facts, journal, audio and (self-host) the account and its key; when it answers, no byte of the user's " +
                "content is left in the data root. Backups taken before the erasure still hold the user until they age out " +
                "(30 days by default).",
                ApiContractExtensions.CommonCodes);
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
