using System.Diagnostics;
using Microsoft.Extensions.Logging;
using VoiceMemory.Audio;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Speech;
using VoiceMemory.Storage;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Turns;

/// <summary>
/// The real work of each workflow step, called by both hosts' activities. Every method is idempotent for the
/// same turn: the turn record is upserted whole, audio keys are deterministic, facts are keyed and the journal
/// append is keyed by turn id. Stages are recorded in the turn store as they start.
/// </summary>
public sealed partial class TurnActivities(
    ITurnStore turns,
    IAudioStore audio,
    IMemoryStore memory,
    ISpeechToText speechToText,
    ITextToSpeech textToSpeech,
    ISafetyScreen safety,
    IFactExtractor facts,
    RecallService recall,
    ReplyChain replies,
    SafetyMessages safetyMessages,
    TimeProvider time,
    ILogger<TurnActivities> logger)
{
    /// <summary>Transcribe (spoken turns) and screen. Completes the turn at once when there is no speech.</summary>
    public async Task<UnderstandResult> UnderstandAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = StartStep(StepNames.Understand, request);
        var turn = await LoadAsync(request, cancellationToken);

        Transcript transcript;
        long? transcribeMs = null;
        if (request.IsTyped)
        {
            transcript = new Transcript(request.TypedText!.Trim(), request.Locale, 1.0);
        }
        else
        {
            turn = await SetStageAsync(turn, TurnStage.Transcribing, cancellationToken);
            var started = time.GetTimestamp();
            transcript = await TranscribeAsync(request, cancellationToken);
            transcribeMs = ElapsedMs(started);
        }

        if (transcript.IsEmpty)
        {
            var total = TotalMs(request);
            await turns.SaveAsync(
                turn with
                {
                    State = TurnState.Completed,
                    Stage = null,
                    UpdatedAt = time.GetUtcNow(),
                    Transcript = transcript,
                    Reply = Reply.None,
                    Safety = SafetyOutcome.Clear,
                    Timings = new StageTimings(Transcribe: transcribeMs, Total: total),
                },
                cancellationToken);
            RecordCompleted(request, total, new StageTimings(Transcribe: transcribeMs));
            LogNoSpeech(request.TurnId);
            return new UnderstandResult(transcript, SafetyVerdict.Clear("none"), null, transcribeMs, 0);
        }

        await SetStageAsync(turn, TurnStage.Screening, cancellationToken);
        var screenStarted = time.GetTimestamp();
        var verdict = await safety.ScreenAsync(transcript.Text, request.Locale, ScreenTarget.UserInput, cancellationToken);
        var screenMs = ElapsedMs(screenStarted);

        Reply? crisisReply = null;
        if (verdict.IsCrisis)
        {
            crisisReply = safetyMessages.CrisisReply(request.Locale, verdict.Category);
            RecordFlag(verdict.Category, SafetyAction.CrisisReply);
            LogCrisis(request.TurnId, verdict.Category ?? "unknown", verdict.Source);
        }
        else if (verdict.Flagged)
        {
            RecordFlag(verdict.Category, SafetyAction.None);
        }

        return new UnderstandResult(transcript, verdict, crisisReply, transcribeMs, screenMs);
    }

    /// <summary>
    /// Recall, reply chain (whose model also judges the risk of the user's words when configured), reply screening. A crisis
    /// the model names replaces the reply with the crisis message, and memory then keeps only the safety event.
    /// </summary>
    public async Task<RespondResult> RespondAsync(RespondInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        using var span = StartStep(StepNames.Respond, request);
        var turn = await LoadAsync(request, cancellationToken);

        turn = await SetStageAsync(turn, TurnStage.Recalling, cancellationToken);
        var started = time.GetTimestamp();
        var context = await recall.RecallAsync(request.UserId, input.Transcript.Text, request.TurnId, cancellationToken);
        var recallMs = ElapsedMs(started);

        await SetStageAsync(turn, TurnStage.Replying, cancellationToken);
        started = time.GetTimestamp();
        var chained = await replies.ReplyAsync(request.TurnId, input.Transcript.Text, context, request.Locale, cancellationToken);
        var replyMs = ElapsedMs(started);

        started = time.GetTimestamp();
        var reply = chained.Reply;
        SafetyOutcome outcome;

        // The model's second opinion rode in the reply call: it can raise a crisis the screens missed, never lower one.
        var judged = ModelRisk.Raise(input.InputVerdict, chained.Risk);
        if (judged.IsCrisis)
        {
            reply = safetyMessages.CrisisReply(request.Locale, judged.Category);
            outcome = new SafetyOutcome(true, judged.Category, SafetyAction.CrisisReply);
            RecordFlag(judged.Category, SafetyAction.CrisisReply);
            LogCrisis(request.TurnId, judged.Category ?? "unknown", judged.Source);
        }
        else if (chained.ContentFiltered)
        {
            reply = new Reply(safetyMessages.SafeReplacement(request.Locale), ReplySource.Safety);
            outcome = new SafetyOutcome(true, SafetyCategories.ContentFilter, SafetyAction.Replaced);
            RecordFlag(SafetyCategories.ContentFilter, SafetyAction.Replaced);
        }
        else
        {
            var verdict = await safety.ScreenAsync(reply.Text, request.Locale, ScreenTarget.Reply, cancellationToken);
            if (verdict.Flagged)
            {
                reply = new Reply(safetyMessages.SafeReplacement(request.Locale), ReplySource.Safety);
                outcome = new SafetyOutcome(true, verdict.Category, SafetyAction.Replaced);
                RecordFlag(verdict.Category, SafetyAction.Replaced);
                LogReplyReplaced(request.TurnId, verdict.Category ?? "unknown");
            }
            else
            {
                outcome = input.InputVerdict.Flagged
                    ? new SafetyOutcome(true, input.InputVerdict.Category, SafetyAction.None)
                    : SafetyOutcome.Clear;
            }
        }

        var screenMs = ElapsedMs(started);
        return new RespondResult(reply, outcome, recallMs, replyMs, screenMs, chained.FallbackReason);
    }

    /// <summary>Speaks the reply and stores the audio under a deterministic key.</summary>
    public async Task<SpeakResult> SpeakAsync(SpeakInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        using var span = StartStep(StepNames.Speak, request);
        var turn = await LoadAsync(request, cancellationToken);
        await SetStageAsync(turn, TurnStage.Speaking, cancellationToken);

        var started = time.GetTimestamp();
        var speech = await textToSpeech.SynthesizeAsync(input.Reply.Text, request.Locale, cancellationToken);
        using var content = new MemoryStream(speech.Audio, writable: false);
        var stored = await audio.SaveAsync(AudioKeys.Reply(request.UserId, request.TurnId, speech.FileExtension), content, speech.ContentType, cancellationToken);

        // A retried speak step may have produced the other format the first time (e.g. WAV when the MP3 encoder failed
        // on a full disk): one turn keeps one reply, so the other is removed.
        foreach (var extension in AudioKeys.ReplyExtensions.Where(e => !string.Equals(e, speech.FileExtension, StringComparison.OrdinalIgnoreCase)))
        {
            await audio.DeleteAsync(AudioKeys.Reply(request.UserId, request.TurnId, extension), cancellationToken);
        }

        return new SpeakResult(stored, ElapsedMs(started));
    }

    /// <summary>Writes what the turn taught (facts, journal) and completes the turn. A crisis turn keeps only a safety event.</summary>
    public async Task<RememberResult> RememberAsync(RememberInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        using var span = StartStep(StepNames.Remember, request);
        var turn = await LoadAsync(request, cancellationToken);
        turn = await SetStageAsync(turn, TurnStage.Remembering, cancellationToken);

        var started = time.GetTimestamp();
        var crisis = input.Safety.Action == SafetyAction.CrisisReply;
        IReadOnlyList<ExtractedFact> learned = crisis
            ? []
            : await facts.ExtractAsync(input.Transcript.Text, request.Locale, cancellationToken);
        if (learned.Count > 0)
        {
            await memory.UpsertFactsAsync(request.UserId, request.TurnId, learned, time.GetUtcNow(), cancellationToken);
        }

        // The entry is built from the request's own time so a retried step writes the very same entry.
        var entry = JournalFormatter.Entry(request.CreatedAt, crisis ? null : input.Transcript.Text, input.Reply, input.Safety, learned, request.Locale);
        await memory.AppendJournalAsync(request.UserId, DateOnly.FromDateTime(request.CreatedAt.UtcDateTime), request.TurnId, entry, cancellationToken);
        var rememberMs = ElapsedMs(started);

        var total = TotalMs(request);
        var timings = input.Timings with { Remember = rememberMs, Total = total };
        await turns.SaveAsync(
            turn with
            {
                State = TurnState.Completed,
                Stage = null,
                UpdatedAt = time.GetUtcNow(),
                // Memory never keeps the words of a crisis turn: only the safety event.
                Transcript = crisis ? null : input.Transcript,
                Reply = input.Reply,
                Safety = input.Safety,
                ReplyAudio = input.ReplyAudio,
                Timings = timings,
                Error = null,
            },
            cancellationToken);
        RecordCompleted(request, total, timings);
        return new RememberResult(learned.Count, rememberMs);
    }

    /// <summary>Marks the turn failed with a stable code. A turn erased meanwhile stays erased.</summary>
    public async Task FailAsync(TurnFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var request = failure.Request;
        using var span = StartStep(StepNames.Fail, request);
        var turn = await turns.GetAsync(request.UserId, request.TurnId, cancellationToken);
        if (turn is null)
        {
            return;
        }

        await turns.SaveAsync(
            turn with
            {
                State = TurnState.Failed,
                Stage = null,
                UpdatedAt = time.GetUtcNow(),
                Error = new TurnError(failure.Code, failure.Message),
                Timings = turn.Timings with { Total = TotalMs(request) },
            },
            cancellationToken);
        VoiceMemoryTelemetry.Turns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
        LogFailed(request.TurnId, failure.Code);
    }

    private async Task<Transcript> TranscribeAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        var input = request.InputAudio ?? throw new VoiceMemoryException(ErrorCodes.InvalidRequest, "A spoken turn has no audio.");
        await using var stream = await audio.OpenReadAsync(input.Key, cancellationToken)
            ?? throw new VoiceMemoryException(ErrorCodes.NotFound, "The turn's recording is no longer stored.");
        var format = AudioFormats.FromContentType(input.ContentType) ?? AudioFormat.Unknown;
        return await speechToText.TranscribeAsync(stream, format, request.Locale, cancellationToken);
    }

    private async Task<TurnRecord> LoadAsync(TurnRequest request, CancellationToken cancellationToken) =>
        await turns.GetAsync(request.UserId, request.TurnId, cancellationToken)
        ?? throw new VoiceMemoryException(ErrorCodes.NotFound, "The turn no longer exists (it was erased).");

    private async Task<TurnRecord> SetStageAsync(TurnRecord turn, TurnStage stage, CancellationToken cancellationToken)
    {
        var updated = turn with { State = TurnState.Running, Stage = stage, UpdatedAt = time.GetUtcNow() };
        await turns.SaveAsync(updated, cancellationToken);
        return updated;
    }

    private long ElapsedMs(long startedTimestamp) => (long)time.GetElapsedTime(startedTimestamp).TotalMilliseconds;

    private long TotalMs(TurnRequest request) => Math.Max(0, (long)(time.GetUtcNow() - request.CreatedAt).TotalMilliseconds);

    private static Activity? StartStep(string step, TurnRequest request)
    {
        var span = VoiceMemoryTelemetry.ActivitySource.StartActivity("turn." + step);
        span?.SetTag("turn.id", request.TurnId);
        span?.SetTag("turn.step", step);
        return span;
    }

    private static void RecordFlag(string? category, SafetyAction action) =>
        VoiceMemoryTelemetry.SafetyFlags.Add(
            1,
            new KeyValuePair<string, object?>("category", category ?? "unknown"),
            new KeyValuePair<string, object?>("action", action switch
            {
                SafetyAction.CrisisReply => "crisis_reply",
                SafetyAction.Replaced => "replaced",
                _ => "none",
            }));

    private static void RecordCompleted(TurnRequest request, long totalMs, StageTimings timings)
    {
        VoiceMemoryTelemetry.Turns.Add(1, new KeyValuePair<string, object?>("outcome", "completed"));
        // Spoken and typed turns differ by the whole transcribe stage: the spoken-turn latency alert reads input="audio".
        VoiceMemoryTelemetry.TurnDuration.Record(totalMs, new KeyValuePair<string, object?>("input", request.IsTyped ? "text" : "audio"));
        RecordStage("transcribe", timings.Transcribe);
        RecordStage("screen", timings.Screen);
        RecordStage("recall", timings.Recall);
        RecordStage("reply", timings.Reply);
        RecordStage("speak", timings.Speak);
        RecordStage("remember", timings.Remember);
    }

    private static void RecordStage(string stage, long? ms)
    {
        if (ms is { } value)
        {
            VoiceMemoryTelemetry.StageDuration.Record(value, new KeyValuePair<string, object?>("stage", stage));
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Turn {TurnId}: no speech recognised; completed without a reply")]
    private partial void LogNoSpeech(string turnId);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Turn {TurnId}: crisis detected ({Category}, by {Source}); answering with crisis resources")]
    private partial void LogCrisis(string turnId, string category, string source);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Turn {TurnId}: generated reply flagged ({Category}); replaced with a safe message")]
    private partial void LogReplyReplaced(string turnId, string category);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Turn {TurnId} failed with {Code}")]
    private partial void LogFailed(string turnId, string code);
}
