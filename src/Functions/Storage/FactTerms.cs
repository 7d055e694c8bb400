using System.Globalization;
using System.Text;

namespace VoiceMemory.Functions.Storage;

/// <summary>
/// The words a fact is found by, for the search index in the facts table. Words are runs of letters, digits and marks,
/// lower-cased with diacritics removed ("Crème" → "creme"), as the self-host's FTS5 tokenizer folds them; Chinese and
/// Japanese characters are single tokens, and a fact is also indexed under each pair of adjacent ones, so a
/// two-character word such as 花生 is one lookup. Queries drop common words (and CJK pairs holding a function
/// character) unless nothing else is left — the same rules as the self-host, so both hosts recall alike.
/// </summary>
internal static class FactTerms
{
    /// <summary>At most this many distinct terms are indexed per fact: with its listings a fact stays within one 100-entity transaction.</summary>
    public const int MaxIndexTerms = 40;

    /// <summary>More query terms than this make a search slower without making its ranking better.</summary>
    public const int MaxQueryTerms = 24;

    private const int MaxTermLength = 64;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "about", "from",
        "as", "into", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "us", "it", "its", "this", "that",
        "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
        "would", "should", "will", "shall", "may", "might", "must", "not", "no", "so", "than", "too", "very", "just",
        "there", "here", "any", "some", "all", "tell", "remember", "please", "s", "t", "d", "ll", "m", "re", "ve",
    };

    private static readonly HashSet<string> CjkFunctionCharacters = new(StringComparer.Ordinal)
    {
        "我", "你", "您", "他", "她", "它", "们", "的", "地", "得", "了", "着", "是", "在", "吗", "呢", "吧", "啊", "呀",
        "么", "什", "哪", "谁", "怎", "这", "那", "个", "和", "也", "都", "就", "还", "很", "里",
        "の", "は", "が", "を", "に", "で", "と", "も", "か",
    };

    /// <summary>The indexed terms of <paramref name="text"/> with their counts, and the text's length in tokens.</summary>
    public static (IReadOnlyDictionary<string, int> Terms, int Length) ForIndex(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<(string Term, bool Stop)>();
        var length = 0;

        void Add(string term, bool stop)
        {
            if (counts.TryGetValue(term, out var n))
            {
                counts[term] = n + 1;
            }
            else
            {
                counts[term] = 1;
                order.Add((term, stop));
            }
        }

        foreach (var run in Runs(text))
        {
            if (!run.Cjk)
            {
                length++;
                Add(run.Tokens[0], StopWords.Contains(run.Tokens[0]));
                continue;
            }

            for (var i = 0; i < run.Tokens.Count; i++)
            {
                length++;
                Add(run.Tokens[i], CjkFunctionCharacters.Contains(run.Tokens[i]));
                if (i + 1 < run.Tokens.Count)
                {
                    Add(run.Tokens[i] + run.Tokens[i + 1], CjkFunctionCharacters.Contains(run.Tokens[i]) || CjkFunctionCharacters.Contains(run.Tokens[i + 1]));
                }
            }
        }

        // Content terms first, so a long fact keeps the terms that find it when it is cut to the limit.
        var kept = order.Where(t => !t.Stop).Concat(order.Where(t => t.Stop)).Take(MaxIndexTerms).Select(t => t.Term).ToList();
        return (kept.ToDictionary(t => t, t => counts[t], StringComparer.Ordinal), Math.Max(length, 1));
    }

    /// <summary>The terms to look up for <paramref name="query"/>; empty when nothing is searchable.</summary>
    public static IReadOnlyList<string> ForQuery(string query)
    {
        var terms = new List<(string Term, bool Stop)>();
        foreach (var run in Runs(query))
        {
            if (!run.Cjk)
            {
                terms.Add((run.Tokens[0], StopWords.Contains(run.Tokens[0])));
            }
            else if (run.Tokens.Count == 1)
            {
                terms.Add((run.Tokens[0], CjkFunctionCharacters.Contains(run.Tokens[0])));
            }
            else
            {
                for (var i = 0; i + 1 < run.Tokens.Count; i++)
                {
                    terms.Add((run.Tokens[i] + run.Tokens[i + 1], CjkFunctionCharacters.Contains(run.Tokens[i]) || CjkFunctionCharacters.Contains(run.Tokens[i + 1])));
                }
            }
        }

        var chosen = terms.Any(t => !t.Stop) ? terms.Where(t => !t.Stop) : terms;
        return chosen.Select(t => t.Term).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
    }

    /// <summary>Words (one token each) and runs of adjacent CJK characters (one token per character).</summary>
    private static IEnumerable<(bool Cjk, List<string> Tokens)> Runs(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var word = new StringBuilder();
        List<string>? cjk = null;
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (IsCjk(rune))
            {
                if (word.Length > 0)
                {
                    yield return (false, [Fold(word.ToString())]);
                    word.Clear();
                }

                (cjk ??= []).Add(rune.ToString());
                continue;
            }

            if (cjk is not null)
            {
                yield return (true, cjk);
                cjk = null;
            }

            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                yield return (false, [Fold(word.ToString())]);
                word.Clear();
            }
        }

        if (cjk is not null)
        {
            yield return (true, cjk);
        }

        if (word.Length > 0)
        {
            yield return (false, [Fold(word.ToString())]);
        }
    }

    // Lower case without diacritics; a term is a row-key part, so it is bounded and never holds a key separator.
    private static string Fold(string word)
    {
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                builder.Append(c);
            }
        }

        var folded = builder.Length > 0 ? builder.ToString().Normalize(NormalizationForm.FormC) : decomposed;
        return folded.Length <= MaxTermLength ? folded : folded[..MaxTermLength];
    }

    private static bool IsWordRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };

    private static bool IsCjk(Rune rune) =>
        rune.Value is (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x3040 and <= 0x30FF)
            or (>= 0x31F0 and <= 0x31FF)
            or (>= 0x20000 and <= 0x3FFFF);
}
