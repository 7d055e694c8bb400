namespace VoiceMemory.SelfHost.Storage;

/// <summary>
/// What an audio key may look like on disk: relative, '/'-separated segments of [A-Za-z0-9._-], no segment that is
/// empty or starts with a dot (no "." or "..", and no clash with temp files), at most 512 characters.
/// </summary>
internal static class AudioKeyRules
{
    public const int MaxLength = 512;

    /// <exception cref="ArgumentException">The key could escape the audio root or is not a plain relative name.</exception>
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
        if (body.Length == 0)
        {
            return false;
        }

        foreach (var segment in body.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || !segment.All(IsAllowed))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
}
