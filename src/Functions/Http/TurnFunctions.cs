using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Http;

/// <summary><c>/api/v1/turns</c>: submit, poll, fetch the spoken reply, list — over the shared intake and queries.</summary>
public sealed class TurnFunctions(ApiGate gate, TurnIntake intake, TurnQueries queries, DurableClientScope durable, IOptions<LimitsOptions> limits)
{
    [Function("SubmitTurn")]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/turns")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        gate.RunAsync(request, async userId =>
        {
            ArgumentNullException.ThrowIfNull(client);
            var cancellationToken = request.HttpContext.RequestAborted;
            var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
            var locale = request.Headers["X-Locale"].FirstOrDefault();
            MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType);

            TurnRecord accepted;
            using (durable.Use(client))
            {
                if (mediaType?.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) == true)
                {
                    if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ApiProblem(ErrorCodes.UnsupportedMediaType, "Typed turns must be text/plain; charset=utf-8.");
                    }

                    var text = await RequestBodies.ReadTextAsync(request.Body, limits.Value.MaxTypedChars * 4L, cancellationToken);
                    accepted = await intake.SubmitTextAsync(userId, text, idempotencyKey, locale, cancellationToken);
                }
                else
                {
                    await using var audio = await RequestBodies.ReadAudioAsync(request.Body, request.ContentLength, limits.Value.MaxAudioBytes, cancellationToken);
                    accepted = await intake.SubmitAudioAsync(userId, audio, request.ContentType, idempotencyKey, locale, cancellationToken);
                }
            }

            var statusUrl = TurnRoutes.Status(accepted.TurnId);
            return ApiResult.Accepted(statusUrl, new TurnAcceptedBody(accepted.TurnId, accepted.State, statusUrl));
        });

    [Function("GetTurn")]
    public Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/turns/{turnId}")] HttpRequest request,
        string turnId) =>
        gate.RunAsync(request, async userId =>
        {
            var turn = await queries.GetAsync(userId, turnId, request.HttpContext.RequestAborted);
            return ApiResult.Json(TurnStatusBody.From(turn), retryAfterSeconds: turn.IsFinished ? null : "1");
        });

    [Function("GetTurnAudio")]
    public Task<IActionResult> GetAudioAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/turns/{turnId}/audio")] HttpRequest request,
        string turnId) =>
        gate.RunAsync(request, async userId =>
        {
            var audio = await queries.GetReplyAudioAsync(userId, turnId, request.HttpContext.RequestAborted);
            return audio.RedirectUrl is { } url ? ApiResult.Redirect(url) : (IActionResult)ApiResult.Stream(audio.Content!, audio.ContentType);
        });

    [Function("ListTurns")]
    public Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/turns")] HttpRequest request) =>
        gate.RunAsync(request, async userId =>
        {
            var limit = RequestBodies.ParseLimit(request.Query["limit"].FirstOrDefault());
            var page = await queries.ListAsync(userId, limit, request.Query["before"].FirstOrDefault(), request.HttpContext.RequestAborted);
            return ApiResult.Json(page);
        });
}
