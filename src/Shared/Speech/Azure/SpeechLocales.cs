using System.Globalization;

namespace VoiceMemory.Speech.Azure;

/// <summary>
/// Maps a caller's locale to the language-REGION form Azure AI Speech expects: casing fixed (<c>en-us</c> → <c>en-US</c>),
/// a bare language given its usual region (<c>en</c> → <c>en-US</c>, <c>zh</c> → <c>zh-CN</c>), a script tag mapped
/// (<c>zh-Hans</c> → <c>zh-CN</c>, <c>zh-Hant</c> → <c>zh-TW</c>, <c>zh-Hans-CN</c> → <c>zh-CN</c>).
/// </summary>
public static class SpeechLocales
{
    /// <summary>Used when no locale is given.</summary>
    public const string Default = "en-US";

    private static readonly Dictionary<string, string> DefaultRegions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ar"] = "ar-EG", ["de"] = "de-DE", ["en"] = "en-US", ["es"] = "es-ES", ["fr"] = "fr-FR", ["hi"] = "hi-IN",
        ["it"] = "it-IT", ["ja"] = "ja-JP", ["ko"] = "ko-KR", ["nl"] = "nl-NL", ["pl"] = "pl-PL", ["pt"] = "pt-BR",
        ["ru"] = "ru-RU", ["sv"] = "sv-SE", ["tr"] = "tr-TR", ["zh"] = "zh-CN",
    };

    /// <summary>The Speech locale for <paramref name="locale"/>; throws <see cref="VoiceMemoryException"/> (<c>invalid_locale</c>) when it is not a language tag.</summary>
    public static string Normalize(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Default;
        }

        var parts = locale.Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length > 8 || !p.All(char.IsAsciiLetterOrDigit)) || !IsLanguage(parts[0]))
        {
            throw new VoiceMemoryException(ErrorCodes.InvalidLocale, "The locale is not a language tag such as en-US.");
        }

        var language = parts[0].ToLowerInvariant();
        var region = parts.Skip(1).FirstOrDefault(p => p.Length == 2 && p.All(char.IsAsciiLetter) || p.Length == 3 && p.All(char.IsAsciiDigit));
        if (region is not null)
        {
            return $"{language}-{region.ToUpperInvariant()}";
        }

        var script = parts.Skip(1).FirstOrDefault(p => p.Length == 4);
        if (language == "zh" && script is not null)
        {
            return script.Equals("Hant", StringComparison.OrdinalIgnoreCase) ? "zh-TW" : "zh-CN";
        }

        return DefaultRegions.TryGetValue(language, out var mapped) ? mapped : SpecificOrDefault(language);
    }

    /// <summary>The language part of a locale (<c>zh-CN</c> → <c>zh</c>).</summary>
    public static string LanguageOf(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? locale : locale[..dash];
    }

    private static bool IsLanguage(string part) => part.Length is >= 2 and <= 3 && part.All(char.IsAsciiLetter);

    private static string SpecificOrDefault(string language)
    {
        try
        {
            var specific = CultureInfo.CreateSpecificCulture(language).Name;
            return specific.Contains('-', StringComparison.Ordinal) ? specific : Default;
        }
        catch (CultureNotFoundException)
        {
            return Default;
        }
    }
}
