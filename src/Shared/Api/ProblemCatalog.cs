namespace VoiceMemory.Api;

/// <summary>The HTTP status and title of every stable error code, shared by both hosts so they answer alike.</summary>
public static class ProblemCatalog
{
    private static readonly Dictionary<string, (int Status, string Title)> Entries = new(StringComparer.Ordinal)
    {
        [ErrorCodes.Unauthorized] = (401, "Authentication required"),
        [ErrorCodes.Forbidden] = (403, "Forbidden"),
        [ErrorCodes.NotFound] = (404, "Not found"),
        [ErrorCodes.InvalidRequest] = (400, "Invalid request"),
        [ErrorCodes.MethodNotAllowed] = (405, "Method not allowed"),
        [ErrorCodes.EmptyAudio] = (400, "Empty audio"),
        [ErrorCodes.EmptyText] = (400, "Empty text"),
        [ErrorCodes.TextTooLong] = (413, "Text too long"),
        [ErrorCodes.InvalidText] = (400, "Invalid text"),
        [ErrorCodes.UnsupportedAudio] = (415, "Unsupported audio"),
        [ErrorCodes.UnsupportedMediaType] = (415, "Unsupported media type"),
        [ErrorCodes.AudioTooLarge] = (413, "Audio too large"),
        [ErrorCodes.AudioTooLong] = (400, "Audio too long"),
        [ErrorCodes.MalformedAudio] = (400, "Malformed audio"),
        [ErrorCodes.InvalidLocale] = (400, "Invalid locale"),
        [ErrorCodes.InvalidIdempotencyKey] = (400, "Invalid idempotency key"),
        [ErrorCodes.RateLimited] = (429, "Too many requests"),
        [ErrorCodes.StorageFull] = (507, "Insufficient storage"),
        [ErrorCodes.StorageUnavailable] = (503, "Storage unavailable"),
        [ErrorCodes.Internal] = (500, "Internal error"),
    };

    /// <summary>Every code an API answer can carry, with its status and title (the OpenAPI document lists them).</summary>
    public static IReadOnlyDictionary<string, (int Status, string Title)> All => Entries;

    /// <summary>The status for <paramref name="code"/>; unknown codes are server errors.</summary>
    public static int StatusFor(string code) => Entries.TryGetValue(code, out var entry) ? entry.Status : 500;

    /// <summary>A short, stable title for <paramref name="code"/>.</summary>
    public static string TitleFor(string code) => Entries.TryGetValue(code, out var entry) ? entry.Title : "Server error";
}
