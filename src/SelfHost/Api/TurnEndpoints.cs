using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.SelfHost.Api.OpenApi;
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
        string[] audioTypes = ["audio/wav", "audio/mpeg", "audio/ogg", "audio/webm", "audio/mp4", "audio/flac"];
        turns.MapPost("", SubmitAsync)
            .Produces<TurnAcceptedBody>(StatusCodes.Status202Accepted)
            .Describe(
                "submitTurn",
                "Submit a spoken or typed turn",
                "A spoken turn is the raw audio as the body (validated by its bytes, not its Content-Type); a typed turn is " +
                "text/plain; charset=utf-8 and skips transcription. Answers 202 at once; poll the status URL.",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.InvalidRequest, ErrorCodes.EmptyAudio, ErrorCodes.UnsupportedAudio,
                 ErrorCodes.UnsupportedMediaType, ErrorCodes.AudioTooLarge, ErrorCodes.AudioTooLong, ErrorCodes.MalformedAudio,
                 ErrorCodes.InvalidLocale, ErrorCodes.EmptyText, ErrorCodes.TextTooLong, ErrorCodes.InvalidText,
                 ErrorCodes.InvalidIdempotencyKey, ErrorCodes.StorageFull],
                [
                    new("Idempotency-Key", "Optional (at most 128 characters): a retry with the same key answers with the turn already accepted."),
                    new("X-Locale", "Optional: en-US or zh-CN (default en-US); a typed turn in Chinese is recognised either way."),
                ],
                [
                    new(202, "Location", "The turn's status URL."),
                    new(202, "Retry-After", "Seconds to wait before the first poll."),
                ],
                new RequestBodyDescription("Raw audio (WAV, MP3, Ogg, WebM, MP4/M4A, FLAC) or UTF-8 text.", ["text/plain; charset=utf-8"], audioTypes));
        turns.MapGet("{turnId}", GetAsync)
            .Produces<TurnStatusBody>()
            .Describe(
                "getTurn",
                "A turn's status, transcript, reply and timings",
                "Another user's turn is not found. While the turn is unfinished the answer carries Retry-After.",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.NotFound],
                responseHeaders: [new(200, "Retry-After", "Present while the turn is unfinished: seconds before the next poll.")]);
        turns.MapGet("{turnId}/audio", GetAudioAsync)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "audio/mpeg", "audio/wav")
            .Produces(StatusCodes.Status302Found)
            .Describe(
                "getTurnAudio",
                "The spoken reply",
                "The reply audio (Range requests supported), or a redirect to a short-lived URL on hosts that keep audio in cloud " +
                "storage. not_found while the reply is not spoken yet, and for a finished turn that has no reply audio.",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.NotFound],
                responseHeaders: [new(302, "Location", "A short-lived download URL.")]);
        turns.MapGet("", ListAsync)
            .Produces<TurnListBody>()
            .Describe(
                "listTurns",
                "The caller's turns, newest first",
                "limit: 1–100 (default 20). before: the `next` of the previous page (absent on the last page).",
                [.. ApiContractExtensions.CommonCodes, ErrorCodes.InvalidRequest]);
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
                throw new ApiProblem(ErrorCodes.UnsupportedMediaType, "Typed turns must be text/plain; charset=utf-8 (UTF-8 only).");
            }

            var text = await ReadTextAsync(request.Body, limits.Value.MaxTypedChars * 4L, cancellationToken);
            accepted = await intake.SubmitTextAsync(user.UserId(), text, idempotencyKey, locale, cancellationToken);
        }
        else
        {
            if (mediaType is { } declared && IsNeitherTextNorAudio(declared.MediaType.Value))
            {
                // JSON, forms and other text are not turns: say what is accepted instead of sniffing them as audio.
                throw new ApiProblem(
                    ErrorCodes.UnsupportedMediaType,
                    $"'{declared.MediaType.Value}' is not accepted: send a typed turn as text/plain; charset=utf-8, or a spoken turn as raw audio (audio/wav, audio/mpeg, audio/ogg, audio/webm, audio/mp4, audio/flac).");
            }

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

    /// <summary>Media types that are certainly not audio: JSON, XML, forms, multipart and text other than text/plain.</summary>
    internal static bool IsNeitherTextNorAudio(string? mediaType) =>
        mediaType is not null
        && (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

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
