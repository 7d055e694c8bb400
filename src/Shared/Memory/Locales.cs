namespace VoiceMemory.Memory;

/// <summary>
/// Language decisions for memory and replies. Kept internal to this folder so it does not collide with the
/// public locale helper owned by the safety work.
/// </summary>
internal static class Locales
{
    /// <summary>True for zh, zh-CN, zh-Hans-CN, zh_TW …</summary>
    public static bool IsChineseLocale(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the text holds CJK ideographs, whatever the declared locale says.</summary>
    public static bool HasCjk(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>
    /// Whether to answer in Chinese: the words decide when there are any (a zh-CN user typing English gets English),
    /// the locale otherwise.
    /// </summary>
    public static bool UseChinese(string? text, string? locale)
    {
        if (HasCjk(text))
        {
            return true;
        }

        var hasLatinLetters = text is not null && text.Any(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'));
        return !hasLatinLetters && IsChineseLocale(locale);
    }
}
