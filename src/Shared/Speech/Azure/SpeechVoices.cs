namespace VoiceMemory.Speech.Azure;

/// <summary>Picks the Azure neural voice for a locale: the locale's entry, then its language's, then any voice of that language, then en-US.</summary>
public static class SpeechVoices
{
    /// <summary>Used when the configuration has no en-US entry either.</summary>
    public const string DefaultVoice = "en-US-AvaMultilingualNeural";

    /// <summary>The voice for <paramref name="locale"/> (already normalised, e.g. <c>zh-CN</c>).</summary>
    public static string Select(IReadOnlyDictionary<string, string> voices, string locale)
    {
        ArgumentNullException.ThrowIfNull(voices);
        ArgumentNullException.ThrowIfNull(locale);
        if (Find(voices, locale) is { } exact)
        {
            return exact;
        }

        var language = SpeechLocales.LanguageOf(locale);
        if (Find(voices, language) is { } byLanguage)
        {
            return byLanguage;
        }

        var sameLanguage = voices
            .Where(p => p.Key.StartsWith(language + "-", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value))
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => p.Value)
            .FirstOrDefault();
        return sameLanguage ?? Find(voices, SpeechLocales.Default) ?? DefaultVoice;
    }

    private static string? Find(IReadOnlyDictionary<string, string> voices, string key)
    {
        foreach (var pair in voices)
        {
            if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(pair.Value))
            {
                return pair.Value.Trim();
            }
        }

        return null;
    }
}
