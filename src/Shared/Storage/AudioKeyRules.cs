namespace VoiceMemory.Storage;

/// <summary>
/// What an audio key may look like, in every adapter (files and blobs alike, so a backup restores into either host):
/// relative, '/'-separated segments of [A-Za-z0-9._-], no segment that is empty or starts with a dot (no "." or "..",
/// and no clash with temp files), at most 512 characters. Blob names would allow more, but a key that names a file
/// nowhere else would make backups one-way.
/// </summary>
public static class AudioKeyRules
{
    /// <summary>The longest key.</summary>
    public const int MaxLength = 512;

    /// <summary>Throws when <paramref name="key"/> is not a plain relative name.</summary>
    /// <exception cref="ArgumentException">The key could escape the audio root or is not a plain relative name.</exception>
    public static void ValidateKey(string key)
    {
        if (!IsValid(key, allowEmpty: false, allowTrailingSlash: false))
        {
            throw new ArgumentException("The audio key is not valid: use relative '/'-separated names of [A-Za-z0-9._-].", nameof(key));
        }
    }

    /// <summary>A prefix is a key, a folder ending in '/', or empty (everything).</summary>
    /// <exception cref="ArgumentException">The prefix is not a plain relative name.</exception>
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
