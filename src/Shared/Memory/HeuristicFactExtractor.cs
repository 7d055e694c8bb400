namespace VoiceMemory.Memory;

/// <summary>
/// Finds facts with English and Chinese patterns: name, age, home, likes and favourites, allergies and health,
/// family and friends, dates and appointments, and explicit "remember that …" notes. Works on typed text and on
/// lower-case, unpunctuated transcripts; questions teach nothing and negations are kept as dislikes. Facts are
/// worded in the third person ("The user is allergic to peanuts", "用户对花生过敏").
/// </summary>
public sealed class HeuristicFactExtractor : IFactExtractor
{
    // Enough for any spoken turn; bounds the work of the patterns on pasted text.
    private const int MaxChars = 4000;

    /// <inheritdoc />
    public Task<IReadOnlyList<ExtractedFact>> ExtractAsync(string text, string locale, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(text, locale));
    }

    /// <summary>
    /// The facts in <paramref name="text"/>, in the order they were said; a later fact with the same key (or the same
    /// wording) replaces an earlier one. Each sentence is read by the rules of its script, so a zh-CN user who types
    /// English is understood; <paramref name="locale"/> decides only for text without letters of either script.
    /// </summary>
    public IReadOnlyList<ExtractedFact> Extract(string text, string locale)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var (normalized, cased) = Prepare(text);
        var facts = new List<ExtractedFact>();
        foreach (var sentence in SentenceSplitter.Split(normalized))
        {
            if (IsChinese(sentence, locale))
            {
                ChineseRules.Extract(sentence, facts);
            }
            else
            {
                EnglishRules.Extract(sentence, cased, facts);
            }
        }

        return Deduplicate(facts);
    }

    /// <summary>The clauses of <paramref name="text"/> that ask rather than tell, as the extractor splits them.</summary>
    internal static IReadOnlyList<string> Questions(string text, string locale)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var (normalized, _) = Prepare(text);
        return SentenceSplitter.Split(normalized)
            .SelectMany(sentence => IsChinese(sentence, locale) ? ChineseRules.Clauses(sentence) : EnglishRules.Clauses(sentence))
            .Where(clause => clause.IsQuestion)
            .Select(clause => clause.Body)
            .ToList();
    }

    private static bool IsChinese(Sentence sentence, string locale) =>
        Locales.HasCjk(sentence.Text) || (Locales.IsChineseLocale(locale) && !sentence.Text.Any(char.IsAsciiLetter));

    private static (string Text, bool Cased) Prepare(string text)
    {
        var normalized = Normalize(text.Length > MaxChars ? text[..MaxChars] : text);

        // Transcripts come in lower case (or all capitals): then names and places get capitals from us.
        var cased = normalized.Any(char.IsUpper) && normalized.Any(char.IsLower);
        return (cased ? normalized : normalized.ToLowerInvariant(), cased);
    }

    private static string Normalize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '\u2019' or '\u2018' or '`' or '\u00B4' => '\'',
                '\u201C' or '\u201D' => '"',
                '\t' or '\u00A0' or '\u3000' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    // Same identity as the store uses: a later statement with the same key wins, in the place of the first.
    private static List<ExtractedFact> Deduplicate(List<ExtractedFact> facts)
    {
        var order = new List<string>();
        var byIdentity = new Dictionary<string, ExtractedFact>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var identity = fact.Key is { Length: > 0 } key ? "key:" + key : "text:" + FactIdentity.Normalize(fact.Text);
            if (!byIdentity.ContainsKey(identity))
            {
                order.Add(identity);
            }

            byIdentity[identity] = fact;
        }

        return order.Select(identity => byIdentity[identity]).ToList();
    }
}
