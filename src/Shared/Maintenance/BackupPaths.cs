using VoiceMemory.Storage;

namespace VoiceMemory.Maintenance;

/// <summary>Maps audio store keys to backup file names and back.</summary>
internal static class BackupPaths
{
    /// <summary>The backup file name of an audio item; null when the key cannot be stored safely.</summary>
    public static string? ForAudioKey(string key)
    {
        var name = BackupFileNames.AudioPrefix + key;
        return IsAudioKey(key) && BackupFileNames.IsSafeName(name) ? name : null;
    }

    /// <summary>The audio store key of a backup file name; null when the name is not an audio item.</summary>
    public static string? AudioKeyOf(string name)
    {
        if (!name.StartsWith(BackupFileNames.AudioPrefix, StringComparison.Ordinal) || !BackupFileNames.IsSafeName(name))
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
