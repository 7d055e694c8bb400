using System.Text.RegularExpressions;

namespace VoiceMemory.Safety;

/// <summary>
/// One lexicon entry: a pattern over normalised text (lower case, contractions expanded), matched clause by clause.
/// </summary>
/// <param name="Name">Stable name, for tests and diagnostics.</param>
/// <param name="Language">Selects the negation and subject rules.</param>
/// <param name="Category">A <see cref="SafetyCategories"/> value.</param>
/// <param name="Severity">0..7.</param>
/// <param name="Pattern">Matched within one clause.</param>
/// <param name="Negatable">A negation governing the match ("I would never …", "我不会…") cancels it.</param>
/// <param name="FirstPerson">The speaker must be the subject: a match whose nearest subject is someone else is reported speech.</param>
/// <param name="Requires">Must also match somewhere in the whole text (e.g. a means such as pills for "take them all").</param>
/// <param name="Unless">Cancels the match when it occurs anywhere in the clause (a reflection such as "you may feel that …", a topic word).</param>
internal sealed record LexiconRule(
    string Name,
    LexiconLanguage Language,
    string Category,
    int Severity,
    Regex Pattern,
    bool Negatable,
    bool FirstPerson,
    Regex? Requires,
    Regex? Unless)
{
    /// <summary>Options of every lexicon pattern (source-generated: no start-up compilation, no JIT of large automata).</summary>
    internal const RegexOptions Options = RegexOptions.CultureInvariant;

    /// <summary>Generous for clause-sized inputs on a busy machine; a pathological input fails loudly instead of hanging a worker.</summary>
    internal const int TimeoutMilliseconds = 1000;

    internal static LexiconRule Create(
        string name,
        LexiconLanguage language,
        string category,
        int severity,
        Regex pattern,
        bool negatable = true,
        bool firstPerson = false,
        Regex? requires = null,
        Regex? unless = null) =>
        new(name, language, category, severity, pattern, negatable, firstPerson, requires, unless);
}
