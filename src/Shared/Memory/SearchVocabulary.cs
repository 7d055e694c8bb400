using System.Globalization;
using System.Text;

namespace VoiceMemory.Memory;

/// <summary>
/// What fact search treats as a word, in every memory store (SQLite FTS5 and the Table-storage index alike), so both
/// hosts recall the same facts for the same question: word characters, CJK characters (each its own token), and the
/// words too common to say anything about a fact.
/// </summary>
public static class SearchVocabulary
{
    /// <summary>
    /// Words too common to say anything about a fact. They are dropped from a query unless nothing else is left, which
    /// keeps a question like "what is my favorite color" from ranking every fact that contains "is" or "my".
    /// </summary>
    public static IReadOnlySet<string> StopWords { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "about", "from",
        "as", "into", "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "us", "it", "its", "this", "that",
        "these", "those", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "can", "could",
        "would", "should", "will", "shall", "may", "might", "must", "not", "no", "so", "than", "too", "very", "just",
        "there", "here", "any", "some", "all", "tell", "remember", "please", "s", "t", "d", "ll", "m", "re", "ve",
    };

    /// <summary>
    /// Chinese function characters and Japanese particles: a CJK query term containing one ("我对", "什么", "哪里") is
    /// dropped like an English stop word, unless nothing else is left. Content words ("花生", "过敏") stay.
    /// </summary>
    public static IReadOnlySet<string> CjkFunctionCharacters { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "我", "你", "您", "他", "她", "它", "们", "的", "地", "得", "了", "着", "是", "在", "吗", "呢", "吧", "啊", "呀",
        "么", "什", "哪", "谁", "怎", "这", "那", "个", "和", "也", "都", "就", "还", "很", "里",
        "の", "は", "が", "を", "に", "で", "と", "も", "か",
    };

    /// <summary>A character of a word: letters, digits, private use and marks (FTS5 unicode61 "categories 'L* N* Co M*'").</summary>
    public static bool IsWordRune(Rune rune) =>
        Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };

    /// <summary>A Chinese or Japanese character (CJK ideographs, kana): each is a token of its own.</summary>
    public static bool IsCjk(Rune rune) =>
        rune.Value is (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x3040 and <= 0x30FF)
            or (>= 0x31F0 and <= 0x31FF)
            or (>= 0x20000 and <= 0x3FFFF);
}
