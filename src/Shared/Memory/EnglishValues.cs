using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>Shared pieces of the English rules: pattern fragments, value trimming and name checks.</summary>
internal static class EnglishValues
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>"I am" once contractions are expanded.</summary>
    public const string Im = @"\bi\s+am\b";
    public const string Adj = EnglishLexicon.RelationAdjectives;
    public static readonly string Rel = "(?<rel>" + EnglishLexicon.RelationAlternation + ")";
    public static readonly string Number = @"(?<n>\d{1,3}|(?:" + NumberWords.EnglishAlternation + @")(?:[\s-]+(?:and\s+)?(?:" + NumberWords.EnglishAlternation + "))*)";
    public const string NameWords = @"(?<name>[\p{L}][\p{L}'\-]*(?:\s+[\p{L}][\p{L}'\-]*){0,3})";
    public const string OneName = @"(?<name>[\p{L}][\p{L}'\-]*)";

    /// <summary>Objects that say nothing about the user ("i like it", "i love you").</summary>
    public static readonly Regex ObjectRejected = R(@"^(?:it|it's|that|this|them|you|yourself|him|her|those|these|what|how|when|where|who|is|are|was|most|the\s+most|about|being\s+(?:here|there|with\s+you|able|alive|so|very|too)|so|very|much|a\s+lot|here|there|myself|one|lots|to\s+(?:think|say|know|believe|ask|hear|see\s+you|talk\s+to\s+you))\b");
    /// <summary>A first-person word: the clause is about the user.</summary>
    public static readonly Regex Personal = R(@"\b(?:i|i'm|im|i've|i'll|my|me|we|we're|our)\b");

    public static Regex R(string pattern) => new(pattern, Options, Timeout);

    /// <summary>
    /// The name in the match's "name" group. Strict: every word must look like a name or there is none ("i am
    /// tired"). Guarded: a word that is not a name ends it ("call me tomorrow"). Otherwise only connectives end it,
    /// because after "my name is" nearly anything is a name.
    /// </summary>
    public static string? NameFrom(Match match, bool strict, bool cased, bool guarded = false)
    {
        if (!match.Success)
        {
            return null;
        }

        var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = new List<string>(3);
        foreach (var raw in words)
        {
            var word = raw.Trim('\'', '-', ',');
            var stop = strict
                ? EnglishLexicon.NotNames.Contains(word) || NumberWords.ParseEnglish(word) is not null || (cased && !char.IsUpper(word[0]))
                : guarded ? EnglishLexicon.NotNames.Contains(word) : IsNameStop(word);
            if (stop || word.Length == 0 || kept.Count == 3)
            {
                if (strict)
                {
                    return null;
                }

                break;
            }

            kept.Add(word);
        }

        return kept.Count == 0 ? null : FactPhrasing.CapitaliseName(string.Join(' ', kept));
    }

    private static bool IsNameStop(string word) => word.ToLowerInvariant() is "and" or "but" or "so" or "by" or "i" or "im"
        or "i'm" or "from" or "please" or "thanks" or "thank" or "who" or "which" or "that" or "is" or "was" or "what" or "not"
        or "my" or "nice" or "to" or "or" or "if" or "because" or "now" or "here" or "too" or "though" or "actually" or "the"
        or "a" or "an" or "in" or "at" or "of" or "lives" or "who's" or "it's" or "its" or "you" or "your" or "am";

    public static string? Value(string raw, int maxWords)
    {
        var words = raw.Trim().TrimEnd('.', ',', '!', '?', ';', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        return string.Join(' ', words.Take(maxWords)).TrimEnd(',', '.');
    }

    public static string TrimTrailing(string value, params string[] endings)
    {
        foreach (var ending in endings)
        {
            if (value.Length > ending.Length + 1 && value.EndsWith(" " + ending, StringComparison.OrdinalIgnoreCase))
            {
                return value[..^(ending.Length + 1)];
            }
        }

        return value;
    }

    public static string Limit(string text) => text.Length <= 200 ? text : text[..200].TrimEnd() + "…";
}
