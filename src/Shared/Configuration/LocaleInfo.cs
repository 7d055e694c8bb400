namespace VoiceMemory.Configuration;

/// <summary>Small helpers for BCP 47 locale tags such as <c>en-US</c>, <c>zh-CN</c> or <c>zh-Hant-TW</c>.</summary>
public static class LocaleInfo
{
    private static readonly char[] Separators = ['-', '_'];

    /// <summary>The lower-case language subtag: <c>"zh-CN"</c> → <c>"zh"</c>, <c>"EN_gb"</c> → <c>"en"</c>; an empty tag gives an empty string.</summary>
    public static string Language(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var trimmed = locale.Trim();
        var end = trimmed.IndexOfAny(Separators);
        return (end < 0 ? trimmed : trimmed[..end]).ToLowerInvariant();
    }

    /// <summary>True for Chinese locales (<c>zh</c>, and the <c>cmn</c> / <c>yue</c> language tags).</summary>
    public static bool IsChinese(string locale) => Language(locale) is "zh" or "cmn" or "yue";
}
