using System.Globalization;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Backup ids: the UTC time a backup started, as <c>yyyyMMddTHHmmssZ</c>. Ids sort by time, and their time is what
/// pruning, retention, the backup schedule and the backup-age health check go by.
/// </summary>
public static class BackupIds
{
    /// <summary>The id format (a <see cref="DateTime"/> custom format string).</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    private const int MaxNameLength = 100;

    /// <summary>The id of a backup started at <paramref name="time"/>.</summary>
    public static string For(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads the time out of an id; false when <paramref name="id"/> is not in the id format.</summary>
    public static bool TryParse(string? id, out DateTimeOffset time)
    {
        if (id is not null
            && id.Length == 16
            && DateTime.TryParseExact(id, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var utc))
        {
            time = new DateTimeOffset(utc, TimeSpan.Zero);
            return true;
        }

        time = default;
        return false;
    }

    /// <summary>
    /// True when <paramref name="id"/> can name a backup in any storage: letters, digits, <c>.</c>, <c>-</c> and
    /// <c>_</c>, not starting with a dot, at most 100 characters. A backup copied elsewhere may carry any such name.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxNameLength || id[0] == '.')
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The ids among <paramref name="ids"/> whose time is before <paramref name="cutoff"/>, oldest first. The newest
    /// backup is never among them, so a long run of failed backups cannot leave none at all. Ids that are not
    /// timestamps are left alone.
    /// </summary>
    public static IReadOnlyList<string> Expired(IEnumerable<string> ids, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var dated = new List<(string Id, DateTimeOffset Time)>();
        foreach (var id in ids)
        {
            if (TryParse(id, out var time))
            {
                dated.Add((id, time));
            }
        }

        dated.Sort((a, b) => a.Time.CompareTo(b.Time));
        return dated.Take(Math.Max(0, dated.Count - 1)).Where(d => d.Time < cutoff).Select(d => d.Id).ToList();
    }
}
