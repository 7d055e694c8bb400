using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VoiceMemory.Api;
using VoiceMemory.Functions.Orchestration;

namespace VoiceMemory.Functions.Http;

/// <summary><c>/api/v1/memories</c> and <c>/api/v1/me</c>: the caller's facts, export and erasure, over the shared <see cref="UserDataService"/>.</summary>
public sealed class MemoryFunctions(ApiGate gate, UserDataService data, DurableClientScope durable)
{
    [Function("ListMemories")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/memories")] HttpRequest request) =>
        gate.RunAsync(request, async userId =>
        {
            var limit = RequestBodies.ParseLimit(request.Query["limit"].FirstOrDefault());
            return ApiResult.Json(await data.ListMemoriesAsync(userId, request.Query["q"].FirstOrDefault(), limit, request.HttpContext.RequestAborted));
        });

    [Function("DeleteMemory")]
    public Task<IActionResult> DeleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/memories/{factId}")] HttpRequest request,
        string factId) =>
        gate.RunAsync(request, async userId =>
        {
            await data.DeleteMemoryAsync(userId, factId, request.HttpContext.RequestAborted);
            return ApiResult.Status(StatusCodes.Status204NoContent);
        });

    [Function("ExportMe")]
    public Task<IActionResult> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/me/export")] HttpRequest request) =>
        gate.RunAsync(request, async userId => ApiResult.Json(await data.ExportAsync(userId, request.HttpContext.RequestAborted)));

    /// <summary>
    /// Erases the caller: turns, facts, journal, audio, rate and pending entries now, and every orchestration instance —
    /// finished ones purged now, running ones terminated and purged by the sweeper once stopped. Hence 202.
    /// </summary>
    [Function("EraseMe")]
    public Task<IActionResult> EraseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "v1/me")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        gate.RunAsync(request, async userId =>
        {
            ArgumentNullException.ThrowIfNull(client);
            using (durable.Use(client))
            {
                await data.EraseAsync(userId, request.HttpContext.RequestAborted);
            }

            return ApiResult.Status(StatusCodes.Status202Accepted);
        });
}
