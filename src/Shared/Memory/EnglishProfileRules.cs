using System.Text.RegularExpressions;
using static VoiceMemory.Memory.EnglishValues;

namespace VoiceMemory.Memory;

/// <summary>English rules for the profile and preferences: name, age, home, favourites, likes and dislikes.</summary>
internal static class EnglishProfileRules
{
    private static readonly Regex NameIs = R(@"(?:\b(?:my|the)\s+(?:first\s+|full\s+|real\s+)?name(?:'s|s|\s+is)|\bi\s+am\s+called)\s+(?:actually\s+|really\s+|now\s+)?" + NameWords);
    private static readonly Regex CallMe = R(@"\b(?:(?:you\s+(?:can|may)\s+|please\s+|just\s+)?call\s+me|(?:everyone|everybody|people|most\s+people|my\s+friends|friends|they\s+all)\s+(?:(?:usually|always|just|all|often|still|mostly)\s+)*calls?\s+me)\s+" + NameWords);
    // "I'm Carol", and "I'm Carol, nice to meet you" / "I'm Carol by the way" / "i'm carol from leeds": what follows the
    // name must not decide whether there is one.
    private static readonly Regex IAmName = R("^" + Im + @"\s+(?<name>[\p{L}][\p{L}'\-]*(?:\s+[\p{L}][\p{L}'\-]*)?)(?:\s*,.*|\s+(?:here|speaking|by\s+the\s+way|btw|nice\s+to\s+meet\s+you|pleased\s+to\s+meet\s+you|and|from|in|calling)\b.*)?$");
    private static readonly Regex NameHere = R(@"^" + NameWords + @"\s+(?:here|speaking)$");
    private static readonly Regex AgeYears = R(Im + @"\s+(?:(?<q>nearly|almost|over|about|just\s+over|just\s+under|turning)\s+)?" + Number + @"\s+(?:years?|yrs?)(?:\s+old|\s+of\s+age)?\b");
    private static readonly Regex AgeBare = R("^" + Im + @"\s+(?:(?<q>nearly|almost|over)\s+)?" + Number + @"(?:\s+(?:now|this\s+year|today))?(?:\s+(?:and|but|so)\b.*)?$");
    private static readonly Regex AgeOther = R(@"\b(?:my\s+age\s+is|i\s+(?:just\s+)?turned)\s+" + Number + @"\b");
    private static readonly Regex LiveIn = R(@"\b(?:i|we)\s+(?:(?:now|still|currently|also|both|all)\s+)?(?:live|am\s+(?:now\s+)?living|are\s+(?:now\s+)?living|have\s+(?:always\s+)?lived)\s+(?<prep>in|at|near|on)\s+(?<p>.+)");
    private static readonly Regex HomeIs = R(@"\bmy\s+(?<what>home\s*town|home|hometown)\s+(?:is|was)\s+(?:in\s+)?(?<p>.+)");
    private static readonly Regex GrewUp = R(@"\bi\s+(?:grew\s+up|was\s+(?:born\s+and\s+)?(?:raised|brought\s+up|born))\s+in\s+(?<p>.+)");
    private static readonly Regex LiveAlone = R(@"\bi\s+(?:(?:now|still)\s+)?live\s+(?:alone|by\s+myself)\b");
    private static readonly Regex ComeFrom = R(@"(?:" + Im + @"\s+(?:originally\s+)?from|\bi\s+(?:originally\s+)?come\s+from)\s+(?<p>.+)");
    // Any move: "I've just moved to", "we relocated to", "we moved house to", "I moved out to", "we're moving to".
    private static readonly Regex MovedTo = R(@"\b(?:i|we)(?:'ve|'re|ve|\s+have|\s+had|\s+are)?\s+(?:(?:just|recently|finally|now|since|all|both|actually)\s+)*(?:moved|relocated|moving|relocating|emigrated)(?:\s+(?:house|home|back|away|out|over|down|up))?\s+(?:to|into)\s+(?<p>.+)");
    private static readonly Regex PlaceCut = R(@"\s+(?:in\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter|\d{4}|january|february|march|april|june|july|august|september|october|november|december)|with|since|for|now|these\s+days|nowadays|at\s+the\s+moment|right\s+now|last|ago|originally|by\s+the\s+way|too|as\s+well|which|where|but|because|when|years|all\s+my\s+life|so|and\s+(?:it|i|we|my))\b.*$");
    private static readonly Regex FavouriteIs = R(@"\bmy\s+(?:all[\s-]time\s+)?(?<fav>favou?rite|fave)\s+(?<t>[\p{L}][\p{L}\s]{1,30}?)\s+(?:is|are|was|'s|s)\s+(?<v>.+)");
    private static readonly Regex IsMyFavourite = R(@"^(?<v>[\p{L}][\p{L}'\s]{0,40}?)\s+(?:is|are)\s+my\s+(?:all[\s-]time\s+)?(?<fav>favou?rite|fave)\s+(?<t>[\p{L}][\p{L}\s]{1,30})$");
    private static readonly Regex Likes = R(@"\bi\s+(?:(?:really|truly|absolutely|just|also|still|do|quite|totally|especially|simply|genuinely|so|always|particularly)\s+)*(?<verb>love|like|enjoy|adore|hate|dislike|detest|loathe|prefer|despise)\s+(?<o>.+)");
    private static readonly Regex Dislikes = R(@"\bi\s+(?:(?:really|just|also|still|honestly)\s+)*(?:don'?t|do\s+not|never|no\s+longer|can'?t|cannot|can\s+not)\s+(?:(?:really|much|particularly|especially|actually|even)\s+)*(?<verb>like|love|enjoy|stand|bear|care\s+for|eat|drink)\s+(?<o>.+)");
    private static readonly Regex FanOf = R(Im + @"\s+(?<neg>not\s+)?(?:(?:really|very|quite|so|such|a|an|big|huge|great|massive|much\s+of)\s+)*(?:fond\s+of|fan\s+of|into|keen\s+on|crazy\s+about|mad\s+about|passionate\s+about)\s+(?<o>.+)");
    private static readonly Regex ObjectCut = R(@"\s+(?:because|since|but|when|whenever|if|though|although|as\s+long\s+as|more\s+than|better\s+than|anymore|any\s+more|very\s+much|so\s+much|a\s+lot|too\s+much|at\s+all|these\s+days|nowadays)\b.*$");

    public static void Name(string body, bool cased, List<ExtractedFact> found)
    {
        var name = NameFrom(NameIs.Match(body), strict: false, cased)
            ?? NameFrom(CallMe.Match(body), strict: false, cased, guarded: true)
            ?? NameFrom(IAmName.Match(body), strict: true, cased)
            ?? NameFrom(NameHere.Match(body), strict: true, cased);
        if (name is not null)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject}'s name is {name}", FactKind.Profile, FactKeys.Name));
        }
    }

    public static void Age(string body, List<ExtractedFact> found)
    {
        foreach (var (regex, min) in new[] { (AgeYears, 1), (AgeBare, 10), (AgeOther, 1) })
        {
            var match = regex.Match(body);
            if (!match.Success || NumberWords.ParseEnglish(match.Groups["n"].Value) is not { } age || age < min || age > 125)
            {
                continue;
            }

            var qualifier = match.Groups["q"].Success ? match.Groups["q"].Value.ToLowerInvariant() + " " : string.Empty;
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} is {qualifier}{age} years old", FactKind.Profile, FactKeys.Age));
            return;
        }
    }

    public static void Home(string body, bool cased, List<ExtractedFact> found)
    {
        var live = LiveIn.Match(body);
        if (live.Success && Place(live.Groups["p"].Value, cased) is { } place)
        {
            var prep = live.Groups["prep"].Value.ToLowerInvariant();
            AddHome(found, $"{FactPhrasing.Subject} lives {prep} {place}", place);
            return;
        }

        if (LiveAlone.IsMatch(body))
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} lives alone", FactKind.Profile, null));
            return;
        }

        var moved = MovedTo.Match(body);
        if (moved.Success && Place(moved.Groups["p"].Value, cased) is { } newPlace)
        {
            AddHome(found, $"{FactPhrasing.Subject} lives in {newPlace}", newPlace);
            return;
        }

        var home = HomeIs.Match(body);
        if (home.Success && Place(home.Groups["p"].Value, cased) is { } homePlace)
        {
            var town = home.Groups["what"].Value.StartsWith("home", StringComparison.OrdinalIgnoreCase) && home.Groups["what"].Value.Length > 4;
            AddHome(found, town ? $"{FactPhrasing.Subject}'s home town is {homePlace}" : $"{FactPhrasing.Subject} lives in {homePlace}", homePlace);
            return;
        }

        var grew = GrewUp.Match(body);
        if (grew.Success && Place(grew.Groups["p"].Value, cased) is { } grewPlace)
        {
            AddHome(found, $"{FactPhrasing.Subject} grew up in {grewPlace}", grewPlace);
            return;
        }

        var from = ComeFrom.Match(body);
        if (from.Success && Place(from.Groups["p"].Value, cased) is { } origin)
        {
            AddHome(found, $"{FactPhrasing.Subject} is from {origin}", origin);
        }
    }

    // "Leeds" is where the user lives and replaces an older home; "a care home" is a description kept beside it.
    private static void AddHome(List<ExtractedFact> found, string text, string place)
    {
        var described = place.Split(' ')[0].ToLowerInvariant() is "a" or "an" or "the" or "my" or "our" or "their" or "the user's";
        found.Add(new ExtractedFact(text, FactKind.Profile, described ? null : FactKeys.Home));
    }

    private static string? Place(string raw, bool cased)
    {
        var value = Value(PlaceCut.Replace(raw, string.Empty), 6);
        if (value is null || ObjectRejected.IsMatch(value) || value.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return FactPhrasing.CapitalisePlace(FactPhrasing.ToThirdPerson(value, cased, subjectNamed: true), cased);
    }

    public static void Favourite(string body, bool cased, List<ExtractedFact> found)
    {
        var match = FavouriteIs.Match(body);
        if (!match.Success)
        {
            match = IsMyFavourite.Match(body);
            if (!match.Success || Personal.IsMatch(match.Groups["v"].Value))
            {
                return;
            }
        }

        var thing = Value(match.Groups["t"].Value, 3);
        var value = Value(ObjectCut.Replace(match.Groups["v"].Value, string.Empty), 8);
        if (thing is null || value is null)
        {
            return;
        }

        var subject = thing.ToLowerInvariant().Replace("color", "colour", StringComparison.Ordinal);
        var shown = FactPhrasing.CapitaliseCalendar(FactPhrasing.ToThirdPerson(value, cased, subjectNamed: true), cased);
        found.Add(new ExtractedFact(
            $"{FactPhrasing.Subject}'s {match.Groups["fav"].Value.ToLowerInvariant()} {thing} is {shown}",
            FactKind.Preference,
            FactKeys.Favourite(subject)));
    }

    public static void Preferences(string body, bool cased, List<ExtractedFact> found)
    {
        var negative = Dislikes.Match(body);
        if (negative.Success)
        {
            var verb = negative.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "eat" => "doesn't eat",
                "drink" => "doesn't drink",
                _ => "dislikes",
            };
            AddPreference(found, verb, negative.Groups["o"].Value, cased);
            return;
        }

        var fan = FanOf.Match(body);
        if (fan.Success)
        {
            AddPreference(found, fan.Groups["neg"].Success ? "dislikes" : "likes", fan.Groups["o"].Value, cased);
            return;
        }

        var positive = Likes.Match(body);
        if (positive.Success)
        {
            var verb = positive.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "love" or "adore" => "loves",
                "enjoy" => "enjoys",
                "prefer" => "prefers",
                "hate" or "detest" or "loathe" or "despise" => "hates",
                "dislike" => "dislikes",
                _ => "likes",
            };
            AddPreference(found, verb, positive.Groups["o"].Value, cased);
        }
    }

    private static void AddPreference(List<ExtractedFact> found, string verb, string rawObject, bool cased)
    {
        var value = Value(ObjectCut.Replace(rawObject, string.Empty), 8);
        if (value is null || ObjectRejected.IsMatch(value))
        {
            return;
        }

        value = TrimTrailing(value, "too", "as well", "either", "now", "though", "best", "most", "the most");
        var shown = FactPhrasing.CapitaliseCalendar(FactPhrasing.ToThirdPerson(value, cased, subjectNamed: true), cased);
        found.Add(new ExtractedFact($"{FactPhrasing.Subject} {verb} {shown}", FactKind.Preference, FactKeys.PreferenceItem(value)));
    }
}
