using System.Globalization;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>How times are written to SQLite: fixed-width ISO-8601 UTC text (sortable, exact) or unix milliseconds.</summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string value) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(value, Format, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc));

    public static long ToUnixMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}
