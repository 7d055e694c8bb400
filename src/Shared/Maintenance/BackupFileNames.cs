namespace VoiceMemory.Maintenance;

/// <summary>The names of the files inside a backup (format version 1). See docs/backup-format.md.</summary>
public static class BackupFileNames
{
    /// <summary>The manifest: format version, host, time, and name, SHA-256, size and record count of every other file.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>Encrypted backups only: lowercase hex HMAC-SHA256 of the exact bytes of <see cref="Manifest"/>.</summary>
    public const string Signature = "manifest.sig";

    /// <summary>Users (self-host API-key accounts), one JSON object per line, gzip.</summary>
    public const string Users = "users.ndjson.gz";

    /// <summary>Turn records, one JSON object per line, gzip.</summary>
    public const string Turns = "turns.ndjson.gz";

    /// <summary>Facts, one JSON object per line, gzip.</summary>
    public const string Facts = "facts.ndjson.gz";

    /// <summary>Journal days (Markdown per user per day), one JSON object per line, gzip.</summary>
    public const string Journal = "journal.ndjson.gz";

    /// <summary>Prefix of audio items: <c>audio/{audio store key}</c>.</summary>
    public const string AudioPrefix = "audio/";

    /// <summary>The record files, in the order they are written and restored.</summary>
    public static IReadOnlyList<string> RecordFiles { get; } = [Users, Turns, Facts, Journal];

    private const int MaxNameLength = 512;

    /// <summary>
    /// True when <paramref name="name"/> can name a file inside a backup in any storage: relative, <c>/</c>-separated,
    /// at most 512 characters, no empty, <c>.</c> or <c>..</c> segments, no backslash, colon, wildcard or control characters.
    /// </summary>
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
}
