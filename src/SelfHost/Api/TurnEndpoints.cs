using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Api;

/// <summary><c>/api/v1/turns</c>: submit, poll, fetch the spoken reply, list.</summary>
public static class TurnEndpoints
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEndpointRouteBuilder MapTurnEndpoints(this IEndpointRouteBuilder app)
    {
        var turns = app.MapGroup(TurnRoutes.Turns).RequireAuthorization().RequireRateLimiting(RateLimiting.PerUserPolicy);
        turns.MapPost("", SubmitAsync);
        turns.MapGet("{turnId}", GetAsync);
        turns.MapGet("{turnId}/audio", GetAudioAsync);
        turns.MapGet("", ListAsync);
        return app;
    }

    private static async Task<IResult> SubmitAsync(
        HttpContext context,
        ClaimsPrincipal user,
        TurnIntake intake,
        IOptions<LimitsOptions> limits,
        IOptions<SelfHostOptions> host,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var locale = request.Headers["X-Locale"].FirstOrDefault();
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType);

        TurnRecord accepted;
        if (mediaType?.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (mediaType.Charset.HasValue && !mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                throw new ApiProblem(ErrorCodes.UnsupportedMediaType, "Typed turns must be text/plain; charset=utf-8.");
            }

            var text = await ReadTextAsync(request.Body, limits.Value.MaxTypedChars * 4L, cancellationToken);
            accepted = await intake.SubmitTextAsync(user.UserId(), text, idempotencyKey, locale, cancellationToken);
        }
        else
        {
            var maxBytes = limits.Value.MaxAudioBytes;
            if (request.ContentLength > maxBytes)
            {
                throw new ApiProblem(ErrorCodes.AudioTooLarge, $"Audio may be at most {maxBytes} bytes.");
            }

            await using var body = await RequestBodyBuffer.ReadAsync(request.Body, request.ContentLength, maxBytes, host.Value.TempRoot, cancellationToken);
            accepted = await intake.SubmitAudioAsync(user.UserId(), body, request.ContentType, idempotencyKey, locale, cancellationToken);
        }

        context.Response.Headers.RetryAfter = "1";
        var statusUrl = TurnRoutes.Status(accepted.TurnId);
        return Results.Accepted(statusUrl, new TurnAcceptedBody(accepted.TurnId, accepted.State, statusUrl));
    }

    private static async Task<IResult> GetAsync(string turnId, HttpContext context, ClaimsPrincipal user, TurnQueries queries, CancellationToken cancellationToken)
    {
        var turn = await queries.GetAsync(user.UserId(), turnId, cancellationToken);
        if (!turn.IsFinished)
        {
            context.Response.Headers.RetryAfter = "1";
        }

        return Results.Json(TurnStatusBody.From(turn), ApiJson.Options);
    }

    private static async Task<IResult> GetAudioAsync(string turnId, ClaimsPrincipal user, TurnQueries queries, CancellationToken cancellationToken)
    {
        var audio = await queries.GetReplyAudioAsync(user.UserId(), turnId, cancellationToken);
        return audio.RedirectUrl is { } url
            ? Results.Redirect(url.ToString())
            : Results.Stream(audio.Content!, audio.ContentType, enableRangeProcessing: true);
    }

    private static async Task<IResult> ListAsync(string? limit, string? before, ClaimsPrincipal user, TurnQueries queries, CancellationToken cancellationToken)
    {
        int? size = null;
        if (limit is not null)
        {
            size = int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new ApiProblem(ErrorCodes.InvalidRequest, "limit must be a whole number.");
        }

        return Results.Json(await queries.ListAsync(user.UserId(), size, before, cancellationToken), ApiJson.Options);
    }

    private static async Task<string> ReadTextAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ApiProblem(ErrorCodes.TextTooLong, "The typed turn is too long.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return StrictUtf8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new ApiProblem(ErrorCodes.InvalidText, "The text is not valid UTF-8.");
        }
    }
}
