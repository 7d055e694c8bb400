namespace VoiceMemory.Storage;

/// <summary>
/// Deterministic audio keys, so a retried step overwrites rather than duplicates:
/// <c>input/{userId}/{turnId}{ext}</c> and <c>reply/{userId}/{turnId}{ext}</c>.
/// </summary>
public static class AudioKeys
{
    /// <summary>Prefix of all uploaded recordings.</summary>
    public const string InputPrefix = "input/";

    /// <summary>Prefix of all spoken replies.</summary>
    public const string ReplyPrefix = "reply/";

    public static string Input(string userId, string turnId, string extension) => $"{InputPrefix}{userId}/{turnId}{extension}";

    public static string Reply(string userId, string turnId, string extension) => $"{ReplyPrefix}{userId}/{turnId}{extension}";

    /// <summary>The formats a spoken reply can have (MP3, or WAV when no MP3 encoder is available).</summary>
    public static IReadOnlyList<string> ReplyExtensions { get; } = [".mp3", ".wav"];

    /// <summary>The prefixes under which one user's audio lives.</summary>
    public static IReadOnlyList<string> UserPrefixes(string userId) => [$"{InputPrefix}{userId}/", $"{ReplyPrefix}{userId}/"];
}
