using VoiceMemory.Storage;

namespace VoiceMemory.Maintenance;

/// <summary>Which file names a backup may hold: relative, <c>/</c>-separated, no empty, <c>.</c> or <c>..</c> segments.</summary>
internal static class BackupPaths
{
    private const int MaxNameLength = 512;

    public static bool IsSafeName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }

            foreach (var c in segment)
            {
                if (char.IsControl(c) || c is '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The backup file name of an audio item; null when the key cannot be stored safely.</summary>
    public static string? ForAudioKey(string key)
    {
        var name = BackupFileNames.AudioPrefix + key;
        return IsAudioKey(key) && IsSafeName(name) ? name : null;
    }

    /// <summary>The audio store key of a backup file name; null when the name is not an audio item.</summary>
    public static string? AudioKeyOf(string name)
    {
        if (!name.StartsWith(BackupFileNames.AudioPrefix, StringComparison.Ordinal) || !IsSafeName(name))
        {
            return null;
        }

        var key = name[BackupFileNames.AudioPrefix.Length..];
        return IsAudioKey(key) ? key : null;
    }

    private static bool IsAudioKey(string key) =>
        (key.StartsWith(AudioKeys.InputPrefix, StringComparison.Ordinal) || key.StartsWith(AudioKeys.ReplyPrefix, StringComparison.Ordinal))
        && !key.EndsWith('/');
}
