namespace VoiceMemory.Functions.Storage;

/// <summary>
/// What an audio key may look like (the same rule as the self-host's files, so a backup restores into either host):
/// relative, '/'-separated segments of [A-Za-z0-9._-], no empty segment and none starting with a dot, at most 512
/// characters. Blob names would allow more, but a key that names a file nowhere else would make backups one-way.
/// </summary>
internal static class BlobKeyRules
{
    public const int MaxLength = 512;

    /// <exception cref="ArgumentException">The key is not a plain relative name.</exception>
    public static void ValidateKey(string key)
    {
        if (!IsValid(key, allowEmpty: false, allowTrailingSlash: false))
        {
            throw new ArgumentException("The audio key is not valid: use relative '/'-separated names of [A-Za-z0-9._-].", nameof(key));
        }
    }

    /// <summary>A prefix is a key, a folder ending in '/', or empty (everything).</summary>
    public static void ValidatePrefix(string prefix)
    {
        if (!IsValid(prefix, allowEmpty: true, allowTrailingSlash: true))
        {
            throw new ArgumentException("The audio prefix is not valid: use relative '/'-separated names of [A-Za-z0-9._-].", nameof(prefix));
        }
    }

    private static bool IsValid(string? value, bool allowEmpty, bool allowTrailingSlash)
    {
        if (value is null || value.Length > MaxLength)
        {
            return false;
        }

        if (value.Length == 0)
        {
            return allowEmpty;
        }

        var body = allowTrailingSlash && value.EndsWith('/') ? value[..^1] : value;
        return body.Length > 0 && body.Split('/').All(segment => segment.Length > 0 && segment[0] != '.' && segment.All(IsAllowed));
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
