using System.Text.RegularExpressions;
using static VoiceMemory.Memory.EnglishValues;

namespace VoiceMemory.Memory;

/// <summary>English rules for people and dates: relations by name, birthdays, anniversaries and appointments.</summary>
internal static class EnglishFamilyRules
{
    private static readonly Regex RelationNameIs = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"(?:'s|s|'|\s+'s)?\s+(?:first\s+)?name\s+(?<verb>is|was)\s+" + NameWords);
    private static readonly Regex RelationCalled = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"\s+(?<verb>is|was|'s)\s+(?:called|named)\s+" + NameWords);
    private static readonly Regex HaveRelationCalled = R(@"\b(?:i|we)(?:'ve\s+got|ve\s+got|\s+have\s+got|\s+have|\s+had|\s+got)\s+an?\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"\s+(?:called|named)\s+" + NameWords);
    private static readonly Regex RelationIsName = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"(?:'s|\s+is)\s+" + OneName + "$");
    private static readonly Regex RelationNamedDoes = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @",?\s+" + OneName + @",?\s+(?<rest>(?:(?:always|often|usually|still|just|also|never|sometimes|now)\s+)*(?:lives|lived|works|worked|is|was|visits|comes|came|calls|called|phones|has|had|will|used|loves|likes|moved|died|passed|got|goes|went|plays|helps|takes|brings|sends|who)\b.*)");
    private static readonly Regex RelationThenName = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @",?\s+" + OneName + @"(?=,|$|\s+(?:for|since|of|and|who|from|too|as\s+well|last|this|in|on|at|when|years|ago)\b)");
    private static readonly Regex NameIsMyRelation = R(@"^" + OneName + @"\s+is\s+my\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"$");
    private static readonly Regex RelationLivesIn = R(@"\b(?:my|our)\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"\s+(?<verb>lives|works)\s+(?<prep>in|near|at)\s+(?<p>[^,]+?)$");
    private static readonly Regex RelationPassed = R(@"\bmy\s+(?:(?<adj>late)\s+)?" + Rel + @"\s+(?<what>passed\s+away|died|passed)\b(?<rest>.*)");
    private static readonly Regex LivesInPlace = R(@"^(?<verb>(?:lives|lived|works|worked|moved)\s+(?:in|to))\s+(?<p>.+)$");
    private static readonly Regex Birthday = R(@"\bmy\s+(?:" + Rel + @"(?:'s|s|\s+'s)\s+)?birthday\s+is\s+(?<on>on\s+)?(?<d>.+)");
    private static readonly Regex BornOn = R(@"\bi\s+was\s+born\s+on\s+(?<d>.+)");
    private static readonly Regex Anniversary = R(@"\b(?:our|my)\s+(?:wedding\s+)?anniversary\s+is\s+(?<on>on\s+)?(?<d>.+)");
    private static readonly Regex DateCut = R(@"\s+(?:and|but|so|because|which|when)\b.*$");
    private static readonly Regex EventNoun = R(@"\b(?:" + EnglishLexicon.EventNouns + @"|seeing|going\s+to|going\s+out|meeting|flying|travell?ing|coming|off\s+to)\b");
    private static readonly Regex TimeExpression = R(@"\b(?:" + EnglishLexicon.TimeExpressions + @")\b");

    public static void Relationships(string body, bool cased, List<ExtractedFact> found)
    {
        foreach (var regex in new[] { RelationNameIs, RelationCalled })
        {
            var match = regex.Match(body);
            if (match.Success && NameFrom(match, strict: false, cased) is { } name)
            {
                var tense = match.Groups["verb"].Value.Equals("was", StringComparison.OrdinalIgnoreCase) ? "was" : "is";
                AddRelation(found, match, $"{FactPhrasing.Subject}'s {Relation(match)} {tense} called {name}");
                return;
            }
        }

        var have = HaveRelationCalled.Match(body);
        if (have.Success && NameFrom(have, strict: false, cased) is { } haveName)
        {
            var relation = Relation(have);
            var article = "aeiou".Contains(relation[0], StringComparison.Ordinal) ? "an" : "a";
            AddRelation(found, have, $"{FactPhrasing.Subject} has {article} {relation} called {haveName}");
            return;
        }

        var named = RelationNamedDoes.Match(body);
        if (named.Success && NameFrom(named, strict: true, cased) is { } doer)
        {
            var rest = Value(named.Groups["rest"].Value, 12) ?? string.Empty;
            rest = rest.StartsWith("who ", StringComparison.OrdinalIgnoreCase) ? rest[4..] : rest;
            var living = LivesInPlace.Match(rest);
            rest = living.Success
                ? living.Groups["verb"].Value + " " + FactPhrasing.CapitalisePlace(living.Groups["p"].Value, cased)
                : FactPhrasing.CapitaliseCalendar(FactPhrasing.ToThirdPerson(rest, cased, subjectNamed: true), cased);
            AddRelation(found, named, $"{FactPhrasing.Subject}'s {Relation(named)} {doer} {rest}");
            return;
        }

        foreach (var regex in new[] { RelationIsName, NameIsMyRelation, RelationThenName })
        {
            var match = regex.Match(body);
            if (match.Success && NameFrom(match, strict: true, cased) is { } name)
            {
                AddRelation(found, match, $"{FactPhrasing.Subject}'s {Relation(match)} is called {name}");
                return;
            }
        }

        // Without a name the relation is not keyed: "my daughter lives in Australia" may be one of two daughters.
        var lives = RelationLivesIn.Match(body);
        if (lives.Success && Value(lives.Groups["p"].Value, 6) is { } place)
        {
            var where = lives.Groups["prep"].Value.ToLowerInvariant() + " " + FactPhrasing.CapitalisePlace(FactPhrasing.ToThirdPerson(place, cased, subjectNamed: true), cased);
            found.Add(new ExtractedFact(
                $"{FactPhrasing.Subject}'s {Relation(lives)} {lives.Groups["verb"].Value.ToLowerInvariant()} {where}",
                FactKind.Relationship,
                null));
            return;
        }

        var passed = RelationPassed.Match(body);
        if (passed.Success)
        {
            var rest = Value(passed.Groups["rest"].Value, 6);
            var when = rest is null ? string.Empty : " " + FactPhrasing.ToThirdPerson(rest, cased, subjectNamed: true);
            found.Add(new ExtractedFact(
                $"{FactPhrasing.Subject}'s {Relation(passed)} {passed.Groups["what"].Value.ToLowerInvariant()}{when}",
                FactKind.Relationship,
                null));
        }
    }

    private static string Relation(Match match)
    {
        var adjective = match.Groups["adj"].Success ? match.Groups["adj"].Value.ToLowerInvariant() + " " : string.Empty;
        return adjective + match.Groups["rel"].Value.ToLowerInvariant();
    }

    // Keyed by relation (and birth order, so an eldest and a youngest daughter are two people).
    private static void AddRelation(List<ExtractedFact> found, Match match, string text)
    {
        var relation = EnglishLexicon.CanonicalRelation(match.Groups["rel"].Value);
        var adjective = match.Groups["adj"].Value.ToLowerInvariant();
        var order = adjective is "eldest" or "oldest" or "youngest" or "younger" or "older" or "other" or "twin" ? "." + adjective : string.Empty;
        found.Add(new ExtractedFact(Limit(text), FactKind.Relationship, FactKeys.Relationship(relation) + order));
    }

    public static bool Dates(string body, bool cased, List<ExtractedFact> found)
    {
        var birthday = Birthday.Match(body);
        if (birthday.Success && Value(DateCut.Replace(birthday.Groups["d"].Value, string.Empty), 6) is { } day)
        {
            var on = birthday.Groups["on"].Success ? "on " : string.Empty;
            var date = FactPhrasing.CapitaliseCalendar(day, cased);
            if (birthday.Groups["rel"].Success)
            {
                var relation = birthday.Groups["rel"].Value.ToLowerInvariant();
                found.Add(new ExtractedFact($"{FactPhrasing.Subject}'s {relation}'s birthday is {on}{date}", FactKind.Event, FactKeys.BirthdayOf(EnglishLexicon.CanonicalRelation(relation))));
            }
            else
            {
                found.Add(new ExtractedFact($"{FactPhrasing.Subject}'s birthday is {on}{date}", FactKind.Event, FactKeys.Birthday));
            }

            return true;
        }

        var born = BornOn.Match(body);
        if (born.Success && Value(DateCut.Replace(born.Groups["d"].Value, string.Empty), 6) is { } bornOn)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} was born on {FactPhrasing.CapitaliseCalendar(bornOn, cased)}", FactKind.Event, FactKeys.Birthday));
            return true;
        }

        var anniversary = Anniversary.Match(body);
        if (anniversary.Success && Value(DateCut.Replace(anniversary.Groups["d"].Value, string.Empty), 6) is { } when)
        {
            var on = anniversary.Groups["on"].Success ? "on " : string.Empty;
            found.Add(new ExtractedFact($"{FactPhrasing.Subject}'s wedding anniversary is {on}{FactPhrasing.CapitaliseCalendar(when, cased)}", FactKind.Event, FactKeys.Anniversary));
            return true;
        }

        return false;
    }

    public static void Event(string body, bool cased, List<ExtractedFact> found)
    {
        if (EventNoun.IsMatch(body) && TimeExpression.IsMatch(body) && Personal.IsMatch(body))
        {
            found.Add(new ExtractedFact(Limit(FactPhrasing.ToThirdPersonSentence(body, cased)), FactKind.Event, null));
        }
    }
}
