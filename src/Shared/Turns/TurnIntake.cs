using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Api;
using VoiceMemory.Audio;
using VoiceMemory.Configuration;
using VoiceMemory.Storage;

namespace VoiceMemory.Turns;

/// <summary>
/// Accepts a turn: validates the audio by its bytes (or the typed text), stores it, records the turn as queued
/// and schedules its workflow. The same idempotency key from the same user gives back the same turn and never a
/// second run; a turn whose scheduling was interrupted is scheduled again on the retry.
/// </summary>
public sealed partial class TurnIntake(
    IAudioStore audio,
    ITurnStore turns,
    ITurnScheduler scheduler,
    AudioValidator validator,
    IOptions<LimitsOptions> limits,
    TimeProvider time,
    ILogger<TurnIntake> logger)
{
    /// <summary>The default locale when the client sends none.</summary>
    public const string DefaultLocale = "en-US";

    /// <summary>Accepts a recording. <paramref name="audioBody"/> must be seekable (the host buffers the request body).</summary>
    public async Task<TurnRecord> SubmitAudioAsync(string userId, Stream audioBody, string? contentType, string? idempotencyKey, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audioBody);
        var normalizedLocale = NormalizeLocale(locale);
        ValidateIdempotencyKey(idempotencyKey);
        var inspection = validator.Inspect(audioBody, contentType);

        var now = time.GetUtcNow();
        var turnId = TurnIds.New(now);
        var stored = await audio.SaveAsync(AudioKeys.Input(userId, turnId, inspection.Extension), audioBody, inspection.ContentType, cancellationToken);
        var record = NewRecord(userId, turnId, now, normalizedLocale, idempotencyKey) with { InputAudio = stored };
        var accepted = await turns.AddAsync(record, cancellationToken);
        if (accepted.TurnId != turnId)
        {
            // Same idempotency key: the first upload stands; this copy is not needed.
            await audio.DeleteAsync(stored.Key, cancellationToken);
        }

        return await ScheduleAsync(accepted, cancellationToken);
    }

    /// <summary>Accepts a typed turn (the transcribe step is skipped).</summary>
    public async Task<TurnRecord> SubmitTextAsync(string userId, string text, string? idempotencyKey, string? locale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalizedLocale = NormalizeLocale(locale);
        ValidateIdempotencyKey(idempotencyKey);
        var cleaned = CleanText(text);

        var now = time.GetUtcNow();
        var record = NewRecord(userId, TurnIds.New(now), now, normalizedLocale, idempotencyKey) with
        {
            Typed = true,
            Transcript = new Transcript(cleaned, normalizedLocale, 1.0),
        };
        var accepted = await turns.AddAsync(record, cancellationToken);
        return await ScheduleAsync(accepted, cancellationToken);
    }

    /// <summary>Normalises an <c>X-Locale</c> value ("zh-cn" → "zh-CN"); null or empty → en-US.</summary>
    public static string NormalizeLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return DefaultLocale;
        }

        var trimmed = locale.Trim();
        if (!LocalePattern().IsMatch(trimmed))
        {
            throw new ApiProblem(ErrorCodes.InvalidLocale, "X-Locale must be a language tag such as en-US or zh-CN.");
        }

        var parts = trimmed.Split('-');
        parts[0] = parts[0].ToLowerInvariant();
        for (var i = 1; i < parts.Length; i++)
        {
            parts[i] = parts[i].Length == 2 ? parts[i].ToUpperInvariant() : parts[i];
        }

        return string.Join('-', parts);
    }

    private async Task<TurnRecord> ScheduleAsync(TurnRecord accepted, CancellationToken cancellationToken)
    {
        if (!accepted.IsFinished)
        {
            await scheduler.ScheduleAsync(TurnRequests.From(accepted), cancellationToken);
        }

        LogAccepted(accepted.TurnId, accepted.UserId, accepted.Typed);
        return accepted;
    }

    private string CleanText(string text)
    {
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new ApiProblem(ErrorCodes.InvalidText, "The text is not valid UTF-8.");
        }

        // Control characters other than line breaks and tabs carry no meaning in a turn.
        var cleaned = new string(text.Where(c => !char.IsControl(c) || c is '\n' or '\r' or '\t').ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            throw new ApiProblem(ErrorCodes.EmptyText, "The typed turn is empty.");
        }

        if (cleaned.Length > limits.Value.MaxTypedChars)
        {
            throw new ApiProblem(ErrorCodes.TextTooLong, $"A typed turn may hold at most {limits.Value.MaxTypedChars} characters.");
        }

        return cleaned;
    }

    private static void ValidateIdempotencyKey(string? key)
    {
        if (key is null)
        {
            return;
        }

        if (key.Length is 0 or > 128 || key.Any(c => c < 0x21 || c > 0x7E))
        {
            throw new ApiProblem(ErrorCodes.InvalidIdempotencyKey, "Idempotency-Key must be 1–128 visible ASCII characters.");
        }
    }

    private static TurnRecord NewRecord(string userId, string turnId, DateTimeOffset now, string locale, string? idempotencyKey) => new()
    {
        TurnId = turnId,
        UserId = userId,
        State = TurnState.Queued,
        CreatedAt = now,
        UpdatedAt = now,
        Locale = locale,
        IdempotencyKey = idempotencyKey,
    };

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LocalePattern();

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Turn {TurnId} accepted for user {UserId} (typed: {Typed})")]
    private partial void LogAccepted(string turnId, string userId, bool typed);
}
