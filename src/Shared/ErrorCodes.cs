namespace VoiceMemory;

/// <summary>Stable error codes: the <c>code</c> of every problem+json answer and of every failed turn.</summary>
public static class ErrorCodes
{
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string InvalidRequest = "invalid_request";
    /// <summary>The route exists but not for this HTTP method (405, with an <c>Allow</c> header).</summary>
    public const string MethodNotAllowed = "method_not_allowed";
    public const string EmptyAudio = "empty_audio";
    public const string EmptyText = "empty_text";
    public const string TextTooLong = "text_too_long";
    public const string InvalidText = "invalid_text";
    public const string UnsupportedAudio = "unsupported_audio";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string AudioTooLarge = "audio_too_large";
    public const string AudioTooLong = "audio_too_long";
    public const string MalformedAudio = "malformed_audio";
    public const string InvalidLocale = "invalid_locale";
    public const string UnsupportedLocale = "unsupported_locale";
    public const string InvalidIdempotencyKey = "invalid_idempotency_key";
    public const string RateLimited = "rate_limited";
    public const string StorageFull = "storage_full";
    public const string StorageUnavailable = "storage_unavailable";
    /// <summary>A backup failed verification (damaged, tampered, wrong key, unknown format); nothing was restored.</summary>
    public const string BackupRejected = "backup_rejected";
    /// <summary>A restore was refused because the stores already hold data.</summary>
    public const string RestoreTargetNotEmpty = "restore_target_not_empty";
    public const string EngineMissing = "engine_missing";
    public const string TranscriptionFailed = "transcription_failed";
    public const string SynthesisFailed = "synthesis_failed";
    public const string ProviderThrottled = "provider_throttled";
    public const string ProviderTimeout = "provider_timeout";
    public const string ProviderUnavailable = "provider_unavailable";
    public const string ProviderUnauthorized = "provider_unauthorized";
    public const string ProviderBadResponse = "provider_bad_response";
    public const string ProviderRejected = "provider_rejected";
    public const string ContentFiltered = "content_filtered";
    public const string NotConfigured = "not_configured";
    public const string StepFailed = "step_failed";
    public const string Internal = "internal_error";
}
