using System.Text.RegularExpressions;
using VoiceMemory.Memory;

namespace VoiceMemory.Llm;

/// <summary>
/// Finds the remembered facts a question is about by its subject rather than by a fixed question form: "where's my
/// spare key?" is answered by any fact that mentions a spare key, "when is my granddaughter's wedding?" by any fact
/// that mentions the granddaughter and a wedding. The subject is what follows "my / the / our" (or, without one, the
/// question's content words); every one of its words must be in the fact, so "what's my phone number?" does not take
/// "my locker number is 214" for an answer. Chinese has no spaces: the question minus its question and function words
/// leaves the subject's pieces, each of which must be in the fact.
/// </summary>
internal static partial class FallbackSubjects
{
    private const int MaxFacts = 2;

    private static readonly HashSet<string> EnglishStopWords = new(StringComparer.Ordinal)
    {
        "what", "whats", "where", "wheres", "when", "whens", "who", "whos", "whom", "whose", "which", "why", "how", "hows",
        "is", "are", "was", "were", "am", "be", "been", "do", "does", "did", "have", "has", "had", "get", "got", "will",
        "would", "can", "could", "should", "shall", "may", "might", "i", "me", "my", "mine", "we", "us", "our", "you",
        "your", "they", "them", "their", "he", "him", "his", "she", "her", "it", "its", "the", "a", "an", "this", "that",
        "these", "those", "there", "to", "in", "on", "at", "for", "of", "with", "from", "about", "by", "up", "out", "into",
        "again", "please", "tell", "remind", "remember", "know", "say", "said", "told", "any", "anything", "some",
        "something", "name", "called", "user", "s", "now", "then", "day", "date", "time", "next", "going", "and", "or",
        "so", "if", "not", "don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "just", "still", "ever", "exactly",
        "happening", "happen",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal) { "my", "the", "our", "your" };

    // The same event said two ways ("getting married" / "the wedding", "visiting" / "coming").
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["married"] = "wedding", ["marry"] = "wedding", ["marrying"] = "wedding",
        ["visit"] = "come", ["visiting"] = "come", ["visited"] = "come", ["coming"] = "come", ["came"] = "come",
        ["graduate"] = "graduation", ["graduating"] = "graduation", ["graduated"] = "graduation",
        ["checkup"] = "check-up", ["appt"] = "appointment", ["kids"] = "children", ["grandkids"] = "grandchildren",
        ["mum"] = "mother", ["mom"] = "mother", ["dad"] = "father", ["gp"] = "doctor", ["doc"] = "doctor",
        ["lent"] = "lend", ["kept"] = "keep", ["left"] = "leave",
    };

    // Question words, pronouns and particles that carry no subject, longest first so 什么时候 goes before 什么.
    private static readonly string[] ChineseStopWords =
    [
        "什么时候", "哪一天", "还记得", "记不记得", "知不知道", "是不是", "有没有", "请问", "告诉", "一下", "什么", "哪里", "哪儿",
        "哪天", "哪个", "哪些", "多少", "几点", "几号", "怎么", "我们", "我的", "记得", "知道", "谁", "哪", "啥", "吗", "呢", "啊",
        "了", "我", "你", "您", "是", "在", "的", "要", "有", "去", "吧", "几", "会",
    ];

    /// <summary>The facts about the subject of <paramref name="question"/>, best first; empty when none covers it.</summary>
    public static IReadOnlyList<MemoryFact> Matching(string question, IEnumerable<MemoryFact> facts, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return chinese ? ChineseMatching(question, facts) : EnglishMatching(question, facts);
    }

    private static List<MemoryFact> EnglishMatching(string question, IEnumerable<MemoryFact> facts)
    {
        var subject = EnglishSubject(question);
        if (subject.Count == 0)
        {
            return [];
        }

        return facts
            .Select(f => (Fact: f, Words: EnglishWords(f.Text).ToHashSet(StringComparer.Ordinal)))
            .Where(f => subject.All(f.Words.Contains))
            .OrderBy(f => f.Words.Count)
            .Take(MaxFacts)
            .Select(f => f.Fact)
            .ToList();
    }

    /// <summary>The words naming what an English question asks about, normalised; empty when it names nothing.</summary>
    internal static List<string> EnglishSubject(string question)
    {
        var tokens = Tokens(question).ToList();
        var start = tokens.FindIndex(t => Determiners.Contains(t));
        var after = start >= 0 ? tokens.Skip(start + 1).ToList() : tokens;
        var subject = after.Where(t => !EnglishStopWords.Contains(t)).Select(Normalise).Distinct(StringComparer.Ordinal).ToList();

        // "where did I park my car?": the verb before "my" narrows too, but only the words after it name the thing.
        return subject.Count > 0 ? subject : tokens.Where(t => !EnglishStopWords.Contains(t)).Select(Normalise).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> EnglishWords(string text) =>
        Tokens(text).Where(t => !EnglishStopWords.Contains(t)).Select(Normalise);

    private static IEnumerable<string> Tokens(string text) =>
        Word().Matches(text.ToLowerInvariant().Replace('\u2019', '\''))
            .Select(m => m.Value.EndsWith("'s", StringComparison.Ordinal) ? m.Value[..^2] : m.Value.TrimEnd('\''))
            .Select(t => t.Replace("'", string.Empty, StringComparison.Ordinal));

    // A light stem so "parked" meets "park", "promised" meets "promise"; synonyms before and after it, so "married"
    // and "wedding" meet.
    private static string Normalise(string word)
    {
        word = Synonyms.TryGetValue(word, out var same) ? same : word;
        var stem = word switch
        {
            _ when word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) => word[..^3],
            _ when word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) => word[..^2],
            _ when word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
            _ => word,
        };
        stem = stem.Length > 3 && stem.EndsWith('e') ? stem[..^1] : stem;
        return Synonyms.TryGetValue(stem, out var stemSame) && stemSame != word ? Normalise(stemSame) : stem;
    }

    private static List<MemoryFact> ChineseMatching(string question, IEnumerable<MemoryFact> facts)
    {
        var pieces = ChineseSubject(question);
        if (pieces.Count == 0)
        {
            return [];
        }

        return facts
            .Where(f => pieces.All(piece => Covers(f.Text, piece)))
            .OrderBy(f => f.Text.Length)
            .Take(MaxFacts)
            .ToList();
    }

    /// <summary>The pieces of a Chinese question left once question and function words are taken out.</summary>
    internal static List<string> ChineseSubject(string question)
    {
        var text = Punctuation().Replace(question, "|");
        foreach (var stop in ChineseStopWords)
        {
            text = text.Replace(stop, "|", StringComparison.Ordinal);
        }

        return text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Any(c => Locales.IsCjk(c) || char.IsLetterOrDigit(c)))
            .ToList();
    }

    // A piece is in the fact whole, or (for a compound of three or more characters) by most of its character pairs
    // including the last, which names the thing: 社区电话 is in 社区的电话.
    private static bool Covers(string fact, string piece)
    {
        if (fact.Contains(piece, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (piece.Length < 3)
        {
            return false;
        }

        var pairs = Enumerable.Range(0, piece.Length - 1).Select(i => piece.Substring(i, 2)).ToList();
        var found = pairs.Count(p => fact.Contains(p, StringComparison.Ordinal));
        return fact.Contains(pairs[^1], StringComparison.Ordinal) && found * 3 >= pairs.Count * 2;
    }

    [GeneratedRegex(@"[a-z0-9][a-z0-9'\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"[\s，。！？、；：,.!?;:""'“”‘’]+", RegexOptions.CultureInvariant)]
    private static partial Regex Punctuation();
}
