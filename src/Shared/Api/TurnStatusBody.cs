using VoiceMemory.Turns;

namespace VoiceMemory.Api;

/// <summary>The turn status a client polls (DESIGN.md section 6).</summary>
public sealed record TurnStatusBody(
    string TurnId,
    TurnState Status,
    TurnStage? Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Locale,
    TranscriptBody? Transcript,
    ReplyBody? Reply,
    SafetyBody? Safety,
    ReplyAudioBody? ReplyAudio,
    StageTimings TimingsMs,
    TurnError? Error)
{
    /// <summary>Maps a stored turn to what the client sees.</summary>
    public static TurnStatusBody From(TurnRecord turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new TurnStatusBody(
            turn.TurnId,
            turn.State,
            turn.IsFinished ? null : turn.Stage,
            turn.CreatedAt,
            turn.UpdatedAt,
            turn.Locale,
            turn.Transcript is { } t ? new TranscriptBody(t.Text, t.Language, t.Confidence) : null,
            turn.Reply is { } r ? new ReplyBody(r.Text, r.Source) : null,
            turn.Safety is { } s ? new SafetyBody(s.Flagged, s.Category, s.Action) : null,
            turn.ReplyAudio is { } a ? new ReplyAudioBody(TurnRoutes.Audio(turn.TurnId), a.ContentType) : null,
            turn.Timings,
            turn.Error);
    }
}

/// <summary>What the user said.</summary>
public sealed record TranscriptBody(string Text, string Language, double Confidence);

/// <summary>The reply and who produced it.</summary>
public sealed record ReplyBody(string Text, ReplySource Source);

/// <summary>The safety outcome.</summary>
public sealed record SafetyBody(bool Flagged, string? Category, SafetyAction Action);

/// <summary>Where to fetch the spoken reply.</summary>
public sealed record ReplyAudioBody(string Url, string ContentType);
