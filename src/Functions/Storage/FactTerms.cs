using System.Globalization;
using System.Text;
using VoiceMemory.Memory;

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
                Add(run.Tokens[0], SearchVocabulary.StopWords.Contains(run.Tokens[0]));
                continue;
            }

            for (var i = 0; i < run.Tokens.Count; i++)
            {
                length++;
                Add(run.Tokens[i], SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[i]));
                if (i + 1 < run.Tokens.Count)
                {
                    Add(run.Tokens[i] + run.Tokens[i + 1], SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[i]) || SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[i + 1]));
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
                terms.Add((run.Tokens[0], SearchVocabulary.StopWords.Contains(run.Tokens[0])));
            }
            else if (run.Tokens.Count == 1)
            {
                terms.Add((run.Tokens[0], SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[0])));
            }
            else
            {
                for (var i = 0; i + 1 < run.Tokens.Count; i++)
                {
                    terms.Add((run.Tokens[i] + run.Tokens[i + 1], SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[i]) || SearchVocabulary.CjkFunctionCharacters.Contains(run.Tokens[i + 1])));
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
            if (SearchVocabulary.IsCjk(rune))
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

            if (SearchVocabulary.IsWordRune(rune))
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
}
