using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// The one wording of remembered facts: third person about "the user" (用户 in Chinese). Facts are shown to the user
/// in the memories API, given to the LLM, and read back by the fallback responder, which turns them into the
/// second person with <see cref="ToSecondPerson"/>.
/// </summary>
internal static partial class FactPhrasing
{
    public const string Subject = "The user";
    public const string ChineseSubject = "用户";

    private static readonly HashSet<string> Modals = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "would", "can", "could", "should", "shall", "may", "might", "must", "did", "didn't", "didnt", "can't",
        "cant", "cannot", "won't", "wont", "wouldn't", "couldn't", "shouldn't", "had", "used", "was", "wasn't", "ought",
        // Irregular past tenses: "i went" → "the user went".
        "went", "saw", "got", "came", "took", "made", "said", "told", "gave", "felt", "left", "met", "lost", "found",
        "thought", "bought", "ate", "drank", "fell", "broke", "wrote", "ran", "sat", "slept", "spoke", "heard", "knew",
        "grew", "began", "won", "kept", "brought", "taught", "sold", "sent", "spent", "built", "paid", "put", "let",
    };

    private static readonly HashSet<string> Adverbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "always", "never", "often", "usually", "sometimes", "also", "still", "just", "really", "only", "already",
        "normally", "rarely", "seldom", "generally", "actually", "now", "mostly", "even", "definitely", "probably",
    };

    private static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    };

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter",
    };

    private static readonly HashSet<string> LowerInTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "upon", "on", "de", "la", "le", "du", "and", "in", "am", "an", "y",
    };

    /// <summary>
    /// Rewrites a first-person English clause in the third person: "tomorrow i have my check-up" → "tomorrow the user
    /// has their check-up". Once "the user" has been said, "my" becomes "their"; before, "the user's".
    /// </summary>
    public static string ToThirdPerson(string clause, bool cased, bool subjectNamed = false)
    {
        var words = WordSplit().Split(clause.Trim());
        var output = new List<string>(words.Length + 2);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var lower = word.ToLowerInvariant().TrimEnd(',');
            var comma = word.EndsWith(',') ? "," : string.Empty;
            switch (lower)
            {
                case "i" or "i'm" or "im" or "i've" or "ive" or "i'll" or "i'd":
                    output.Add("the user");
                    subjectNamed = true;
                    var auxiliary = lower switch
                    {
                        "i'm" or "im" => "is",
                        "i've" or "ive" => "has",
                        "i'll" => "will",
                        "i'd" => "would",
                        _ => null,
                    };
                    if (auxiliary is not null)
                    {
                        output.Add(auxiliary + comma);
                    }
                    else if (comma.Length == 0)
                    {
                        i = ConjugateFollowing(words, i + 1, output);
                    }

                    break;
                case "me":
                    output.Add((subjectNamed ? "them" : "the user") + comma);
                    subjectNamed = true;
                    break;
                case "my":
                    output.Add(subjectNamed ? "their" : "the user's");
                    subjectNamed = true;
                    break;
                case "mine":
                    output.Add("theirs" + comma);
                    break;
                case "myself":
                    output.Add("themselves" + comma);
                    break;
                default:
                    output.Add(cased ? word : CapitaliseCalendarWord(words, i));
                    break;
            }
        }

        return string.Join(' ', output);
    }

    /// <summary><see cref="ToThirdPerson"/> as a sentence: first letter capitalised.</summary>
    public static string ToThirdPersonSentence(string clause, bool cased) => CapitaliseFirst(ToThirdPerson(clause, cased));

    // "i [adverb…] verb" → "the user [adverb…] verbs"; returns the index of the last word consumed.
    private static int ConjugateFollowing(string[] words, int start, List<string> output)
    {
        var index = start;
        while (index < words.Length && Adverbs.Contains(words[index]))
        {
            output.Add(words[index]);
            index++;
        }

        if (index >= words.Length)
        {
            return index - 1;
        }

        output.Add(ThirdPersonVerb(words[index]));
        return index;
    }

    /// <summary>am → is, have → has, don't → doesn't, go → goes, try → tries; modals unchanged.</summary>
    public static string ThirdPersonVerb(string verb)
    {
        var lower = verb.ToLowerInvariant();
        if (Modals.Contains(lower) || (lower.EndsWith("ed", StringComparison.Ordinal) && !lower.EndsWith("eed", StringComparison.Ordinal)))
        {
            return verb;
        }

        return lower switch
        {
            "am" => "is",
            "'m" => "is",
            "have" => "has",
            "do" => "does",
            "don't" or "dont" => "doesn't",
            "haven't" or "havent" => "hasn't",
            "go" => "goes",
            "be" => "is",
            "was" => "was",
            _ when lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2], StringComparison.Ordinal) => lower[..^1] + "ies",
            _ when lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith('z') || lower.EndsWith("sh", StringComparison.Ordinal) || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith('o') => lower + "es",
            _ when lower.All(char.IsLetter) => lower + "s",
            _ => verb,
        };
    }

    /// <summary>
    /// "The user is allergic to peanuts" → "you're allergic to peanuts"; "用户叫小明" → "你叫小明". Texts in another
    /// wording are returned unchanged.
    /// </summary>
    public static string ToSecondPerson(string factText)
    {
        var text = factText.Trim().TrimEnd('.', '。');
        if (text.Contains(ChineseSubject, StringComparison.Ordinal))
        {
            return text.Replace("用户的", "你的", StringComparison.Ordinal).Replace(ChineseSubject, "你", StringComparison.Ordinal);
        }

        if (!text.Contains("the user", StringComparison.OrdinalIgnoreCase))
        {
            return text;
        }

        text = UserPossessive().Replace(text, "your");
        text = UserWithVerb().Replace(text, m => "you " + m.Groups["adv"].Value + SecondPersonVerb(m.Groups["verb"].Value));
        text = UserAlone().Replace(text, "you");
        text = Their().Replace(text, m => char.IsUpper(m.Value[0]) ? "Your" : "your");
        text = Themselves().Replace(text, "yourself");
        text = YouAre().Replace(text, "you're");
        return text;
    }

    private static string SecondPersonVerb(string verb)
    {
        var lower = verb.ToLowerInvariant();
        if (Modals.Contains(lower) && lower is not ("was" or "wasn't"))
        {
            return verb;
        }

        return lower switch
        {
            "is" => "are",
            "isn't" => "aren't",
            "was" => "were",
            "wasn't" => "weren't",
            "has" => "have",
            "hasn't" => "haven't",
            "does" => "do",
            "doesn't" => "don't",
            "goes" => "go",
            _ when lower.EndsWith("ies", StringComparison.Ordinal) && lower.Length > 4 => lower[..^3] + "y",
            _ when lower.EndsWith("sses", StringComparison.Ordinal) || lower.EndsWith("shes", StringComparison.Ordinal) || lower.EndsWith("ches", StringComparison.Ordinal) || lower.EndsWith("xes", StringComparison.Ordinal) || lower.EndsWith("zes", StringComparison.Ordinal) => lower[..^2],
            _ when lower.EndsWith('s') && !lower.EndsWith("ss", StringComparison.Ordinal) => lower[..^1],
            _ => verb,
        };
    }

    /// <summary>"alice" → "Alice", "mary-jane o'brien" → "Mary-Jane O'Brien"; words with any capital are left alone.</summary>
    public static string CapitaliseName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Any(char.IsUpper))
            {
                continue;
            }

            var chars = words[i].ToCharArray();
            for (var c = 0; c < chars.Length; c++)
            {
                if (c == 0 || chars[c - 1] is '-' or '\'')
                {
                    chars[c] = char.ToUpper(chars[c], CultureInfo.InvariantCulture);
                }
            }

            words[i] = new string(chars);
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// Place names from lower-case transcripts: "leeds" → "Leeds", "newcastle upon tyne" → "Newcastle upon Tyne"; a
    /// description ("a small village near york") keeps its small words and capitalises nothing it cannot know.
    /// </summary>
    public static string CapitalisePlace(string place, bool cased)
    {
        if (cased || place.Length == 0)
        {
            return place;
        }

        var words = place.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words[0] is "a" or "an" or "the" or "my" or "our" or "their" || words.Length > 4)
        {
            return place;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (i > 0 && LowerInTitles.Contains(words[i]))
            {
                continue;
            }

            words[i] = CapitaliseName(words[i]);
        }

        return string.Join(' ', words);
    }

    /// <summary>Capitalises month and weekday names in lower-case transcripts ("may" only before a number).</summary>
    public static string CapitaliseCalendar(string text, bool cased)
    {
        if (cased)
        {
            return text;
        }

        var words = WordSplit().Split(text);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = CapitaliseCalendarWord(words, i);
        }

        return string.Join(' ', words);
    }

    private static string CapitaliseCalendarWord(string[] words, int index)
    {
        var word = words[index];
        var bare = word.TrimEnd(',', '.', 's', '\'');
        // "may" is the month before a day ("may 3rd") or after "in / of / early / next …" ("in may"), else the verb.
        var isMay = word.Equals("may", StringComparison.OrdinalIgnoreCase)
            && ((index + 1 < words.Length && char.IsDigit(words[index + 1][0]))
                || (index > 0 && words[index - 1].ToLowerInvariant() is "in" or "of" or "early" or "late" or "mid" or "next" or "last" or "this" or "until" or "since"));
        return Months.Contains(word) || Weekdays.Contains(word) || Weekdays.Contains(bare) || isMay
            ? CapitaliseName(word)
            : word;
    }

    public static string CapitaliseFirst(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    public static string LowerFirst(string text) =>
        text.Length == 0 || (text.Length > 1 && char.IsUpper(text[1])) ? text : char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];

    /// <summary>Rewrites a first-person Chinese clause in the third person: 我的 → 用户的, 我 → 用户.</summary>
    public static string ToChineseThirdPerson(string clause)
    {
        var builder = new StringBuilder(clause.Length + 8);
        builder.Append(clause.Trim());
        builder.Replace("我们", "\u0001").Replace("我的", "用户的");

        // 我孙子 is "my grandson": possessive without 的.
        foreach (var (word, _) in ChineseLexicon.Relations)
        {
            builder.Replace("我" + word, "用户的" + word);
        }

        builder.Replace("我", ChineseSubject).Replace("\u0001", "我们");
        return builder.ToString();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordSplit();

    [GeneratedRegex(@"\bthe user's\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserPossessive();

    [GeneratedRegex(@"\bthe user\s+(?<adv>(?:(?:always|never|often|usually|sometimes|also|still|just|really|only|already|now|no longer)\s+)*)(?<verb>[a-z']+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserWithVerb();

    [GeneratedRegex(@"\bthe user\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserAlone();

    [GeneratedRegex(@"\btheir\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Their();

    [GeneratedRegex(@"\bthemselves\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Themselves();

    [GeneratedRegex(@"\byou are\b", RegexOptions.CultureInvariant)]
    private static partial Regex YouAre();
}
