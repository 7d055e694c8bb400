namespace VoiceMemory.Harness.Verification;

/// <summary>A turn record as stored in the data root's database.</summary>
internal sealed record TurnRow(
    string UserId,
    string TurnId,
    string State,
    string? IdempotencyKey,
    bool Typed,
    string? ErrorCode,
    string? ReplySource,
    string? ReplyAudioKey);
