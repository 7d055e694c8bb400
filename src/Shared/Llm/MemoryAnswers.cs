using System.Text.RegularExpressions;
using VoiceMemory.Memory;

namespace VoiceMemory.Llm;

/// <summary>Answers a recognised question from remembered facts, reading them back in the second person.</summary>
internal static class MemoryAnswers
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private const int MaxFactsPerAnswer = 3;
    private const int MaxFactsRecited = 5;

    private static readonly Regex Allergy = new(@"allerg|过敏", Options, Timeout);
    private static readonly Regex EnglishAllergen = new(@"^the user is allergic to (?<x>.+?)\.?$", Options, Timeout);
    private static readonly Regex ChineseAllergen = new(@"^用户对(?<x>.+?)过敏。?$", Options, Timeout);
    private static readonly Regex Medicine = new(@"\b(?:takes|uses|injects|medication|medicine|pills|tablets)\b|吃|服用|打", Options, Timeout);
    private static readonly Regex Negative = new(@"\b(?:dislikes|hates|doesn't\s+(?:like|eat|drink|enjoy)|does\s+not\s+(?:like|eat|drink|enjoy)|can't\s+stand)\b|不喜欢|讨厌|受不了|不吃|不喝|不爱", Options, Timeout);
    private static readonly Regex Residence = new(@"\blives\b|\bis\s+from\b|住在|来自|是.+人$", Options, Timeout);
    private static readonly Regex NameValue = new(@"(?:name\s+is|name's|name:|called|叫|名字是)\s*(?<n>[^.。]+?)\s*[.。]?$", Options, Timeout);

    /// <summary>The user's name from a <c>profile.name</c> fact, or null.</summary>
    public static string? NameOf(IEnumerable<MemoryFact> facts)
    {
        var fact = facts.FirstOrDefault(f => f.Key == FactKeys.Name);
        return fact is null ? null : NameIn(fact.Text);
    }

    public static string? NameIn(string factText)
    {
        var match = NameValue.Match(factText);
        return match.Success ? match.Groups["n"].Value.Trim() : null;
    }

    /// <summary>The spoken answer to <paramref name="question"/> (asked as <paramref name="text"/>) from <paramref name="facts"/>.</summary>
    public static string Answer(FallbackQuestion question, string text, bool chinese, IReadOnlyList<MemoryFact> facts, FallbackPhrases phrases)
    {
        if (question.Intent == FallbackIntent.Everything)
        {
            return Recite(facts, phrases);
        }

        var relevant = Select(question, facts);

        // "When is …?" is answered by what was said about its subject; so is a person asked about who was only
        // mentioned in a note ("remember that my doctor is Dr Patel" → "who is my doctor?").
        if (question.Intent == FallbackIntent.When || (relevant.Count == 0 && question.Intent == FallbackIntent.Relation))
        {
            relevant = [.. FallbackSubjects.Matching(text, facts, chinese)];
        }

        if (relevant.Count == 0)
        {
            return phrases.DontKnow;
        }

        if (question.Intent == FallbackIntent.Allergies && Allergens(relevant) is { Count: > 0 } allergens && allergens.Count == relevant.Count)
        {
            return AllergySentence(allergens, phrases);
        }

        if (question.Intent == FallbackIntent.Likes && question.Subject is not null)
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases.ToldMe, FactPhrasing.LowerFirst(FactPhrasing.ToSecondPerson(relevant[0].Text)));
        }

        return string.Join(phrases.SentenceSeparator, relevant.Take(MaxFactsPerAnswer).Select(f => Sentence(f.Text, phrases)));
    }

    private static List<MemoryFact> Select(FallbackQuestion question, IReadOnlyList<MemoryFact> facts)
    {
        var subject = question.Subject;
        IEnumerable<MemoryFact> selected = question.Intent switch
        {
            FallbackIntent.Name => facts.Where(f => f.Key == FactKeys.Name),
            FallbackIntent.Age => facts.Where(f => f.Key == FactKeys.Age),
            FallbackIntent.Home => facts.Where(f => f.Key == FactKeys.Home || (f.Kind == FactKind.Profile && f.Key is null && Residence.IsMatch(f.Text))),
            FallbackIntent.Job => facts.Where(f => f.Key == FactKeys.Job),
            FallbackIntent.Allergies => facts.Where(f => f.Kind == FactKind.Health && Allergy.IsMatch(f.Text)),
            FallbackIntent.Health when subject == FallbackQuestions.Medication => facts.Where(f => f.Kind == FactKind.Health && Medicine.IsMatch(f.Text)),
            FallbackIntent.Health => facts.Where(f => f.Kind == FactKind.Health && !Allergy.IsMatch(f.Text)),
            FallbackIntent.Birthday => facts.Where(f => f.Key == (subject is null ? FactKeys.Birthday : FactKeys.BirthdayOf(subject))),
            FallbackIntent.Favourite when subject is not null => facts.Where(f =>
                f.Key == FactKeys.Favourite(subject)
                || (f.Kind == FactKind.Preference && f.Text.Contains(subject, StringComparison.OrdinalIgnoreCase) && (f.Key?.StartsWith(FactKeys.FavouritePrefix, StringComparison.Ordinal) ?? false))),
            FallbackIntent.Likes when subject is not null => facts.Where(f => f.Kind == FactKind.Preference && f.Text.Contains(subject, StringComparison.OrdinalIgnoreCase)),
            FallbackIntent.Likes => facts.Where(f => f.Kind == FactKind.Preference && !Negative.IsMatch(f.Text)),
            FallbackIntent.Dislikes => facts.Where(f => f.Kind == FactKind.Preference && Negative.IsMatch(f.Text)),
            FallbackIntent.Relation when subject is not null => facts.Where(f => IsRelation(f, subject)),
            FallbackIntent.Events => facts.Where(f => f.Kind == FactKind.Event),
            _ => [],
        };
        return selected.ToList();
    }

    private static bool IsRelation(MemoryFact fact, string relation)
    {
        var prefix = FactKeys.Relationship(relation);
        if (fact.Key is { } key && (key == prefix || key.StartsWith(prefix + ".", StringComparison.Ordinal)))
        {
            return true;
        }

        return fact.Kind == FactKind.Relationship && fact.Key is null && Regex.IsMatch(fact.Text, @"\b" + Regex.Escape(relation) + @"\b", Options, Timeout);
    }

    private static string Recite(IReadOnlyList<MemoryFact> facts, FallbackPhrases phrases)
    {
        if (facts.Count == 0)
        {
            return phrases.NothingRemembered;
        }

        var items = facts.Take(MaxFactsRecited).Select(f => FactPhrasing.LowerFirst(SecondPerson(f.Text, phrases)));
        var more = facts.Count > MaxFactsRecited ? phrases.MoreRemembered : string.Empty;
        return phrases.RememberIntro + string.Join(phrases.ListSeparator, items) + phrases.FullStop + more;
    }

    private static List<string> Allergens(List<MemoryFact> facts) =>
        facts.Select(f => EnglishAllergen.Match(f.Text) is { Success: true } en ? en.Groups["x"].Value
                : ChineseAllergen.Match(f.Text) is { Success: true } zh ? zh.Groups["x"].Value
                : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static string AllergySentence(List<string> allergens, FallbackPhrases phrases)
    {
        var list = allergens.Count == 1
            ? allergens[0]
            : string.Join(phrases.ItemSeparator, allergens.Take(allergens.Count - 1)) + phrases.AndWord + allergens[^1];
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases.AllergicTo, list);
    }

    /// <summary>The facts as spoken sentences, at most a few.</summary>
    public static string Sentences(IEnumerable<MemoryFact> facts, FallbackPhrases phrases) =>
        string.Join(phrases.SentenceSeparator, facts.Take(MaxFactsPerAnswer).Select(f => Sentence(f.Text, phrases)));

    /// <summary>A fact as a spoken sentence: "The user lives in Leeds" → "You live in Leeds."</summary>
    public static string Sentence(string factText, FallbackPhrases phrases)
    {
        var text = SecondPerson(factText, phrases);
        text = FactPhrasing.CapitaliseFirst(text.TrimEnd('.', '。', ' '));
        return text + phrases.FullStop;
    }

    // Facts worded by another extractor are quoted rather than rewritten.
    private static string SecondPerson(string factText, FallbackPhrases phrases)
    {
        var converted = FactPhrasing.ToSecondPerson(factText);
        if (!string.Equals(converted, factText.Trim().TrimEnd('.', '。'), StringComparison.Ordinal))
        {
            return converted;
        }

        return string.Format(System.Globalization.CultureInfo.InvariantCulture, phrases.ToldMeVerbatim, converted).TrimEnd('.', '。');
    }
}
