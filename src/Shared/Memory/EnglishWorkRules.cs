using System.Text.RegularExpressions;
using static VoiceMemory.Memory.EnglishValues;

namespace VoiceMemory.Memory;

/// <summary>
/// English rules for the user's work, keyed <see cref="FactKeys.Job"/> so a new job replaces the old one. "I'm a …"
/// is work only when its head noun names an occupation by its form (-er, -or, -ist, -ian, -ant, -man …) and is not a
/// relation, a habit ("a heavy sleeper") or a keen hobby ("a keen gardener").
/// </summary>
internal static class EnglishWorkRules
{
    private static readonly Regex WorkAs = R(@"\bi\s+(?:(?<adv>now|still|currently|also|used\s+to|have\s+always)\s+)?(?:(?:part|full)[\s-]time\s+)?(?<verb>work|worked)(?:\s+(?:part|full)[\s-]time)?\s+(?<prep>as|at|in|for)\s+(?<x>.+)");
    private static readonly Regex JobAs = R(@"\b(?:job|position|role)\s+as\s+(?<x>.+)");
    private static readonly Regex MyJob = R(@"\bmy\s+(?:job|work|profession|occupation|trade)\s+(?<verb>is|was)\s+(?<x>.+)");
    private static readonly Regex IAmA = R(@"\bi\s+(?<verb>am|was|have\s+been|used\s+to\s+be|retired\s+as|trained\s+as|qualified\s+as)\s+(?:(?:still|now|also|just)\s+)?(?<x>an?\s+(?:[\p{L}-]+\s+){0,3}?(?<head>[\p{L}-]+))(?=$|\s+(?:at|in|for|with|by|on|and|but|since|until|before|so|because|who|which)\b)(?<rest>\s+(?:at|in|with)\s+.+)?");
    private static readonly Regex ForALiving = R(@"\b(?<c>i\s+.+?)\s+for\s+a\s+living\b");
    private static readonly Regex RetiredFrom = R(@"\bi\s+retired\s+from\s+(?<x>.+)");
    private static readonly Regex Garden = R(@"^(?:the|my|our)\s+(?:garden|allotment|yard|house|kitchen|shed)\b(?!\s+(?:centre|center|shop|store|nursery|department|company|hotel))");
    private static readonly Regex Cut = R(@"\s+(?:now|these\s+days|nowadays|at\s+the\s+moment|right\s+now|since|for\s+(?:\d+|a|an|the\s+last|\w+ty|\w+teen|many|several|over)\b|last|ago|by\s+the\s+way|but|because|so|and\s+(?:it|i|we|my)|until|before|when|which|who)\b.*$");

    private static readonly HashSet<string> NotWork = new(StringComparer.OrdinalIgnoreCase)
    {
        "fan", "member", "lover", "user", "smoker", "drinker", "sleeper", "eater", "worrier", "beginner", "believer",
        "survivor", "patient", "resident", "pensioner", "parent", "grandparent", "partner", "owner", "walker", "reader",
        "talker", "listener", "watcher", "supporter", "follower", "vegetarian", "pescatarian", "christian", "catholic",
        "diabetic", "asthmatic", "epileptic", "alcoholic", "insomniac", "widower", "twin", "orphan", "single", "customer",
        "client", "visitor", "newcomer", "foreigner", "stranger", "neighbour", "neighbor", "person", "woman", "man",
        "gentleman", "grandma", "grandpa", "granny", "mum", "mom", "dad", "character", "loner", "introvert", "extrovert",
    };

    private static readonly HashSet<string> Hobbyish = new(StringComparer.OrdinalIgnoreCase)
    {
        "keen", "avid", "big", "huge", "great", "good", "bad", "terrible", "heavy", "light", "early", "late", "night",
        "massive", "real", "proper", "fussy", "picky", "slow", "fast", "messy", "little", "bit", "lot", "natural",
    };

    private static readonly HashSet<string> Occupations = new(StringComparer.OrdinalIgnoreCase)
    {
        "nurse", "chef", "cook", "vet", "judge", "pilot", "clerk", "surgeon", "nanny", "midwife", "postie", "physio",
        "mechanic", "medic", "paramedic", "housewife", "homemaker", "student", "priest", "vicar", "monk", "nun", "coach",
        "guard", "chemist", "dentist", "cleaner", "carer", "secretary", "typist", "plumber", "hairdresser", "barber",
        "firefighter", "soldier", "sailor", "police", "officer", "cop", "detective", "model", "artist", "journalist",
        "engineer", "auctioneer", "volunteer", "pioneer", "musician", "electrician", "optician", "politician",
        "technician", "librarian", "historian", "comedian", "beautician", "physician", "dietitian", "magician",
    };

    // Endings that make a noun an occupation: teacher, doctor, pharmacist, accountant, postman, waitress, engineer,
    // locksmith, wheelwright.
    private static readonly string[] Endings = ["er", "or", "ist", "ant", "ent", "man", "woman", "men", "ess", "eer", "ian", "smith", "wright"];

    public static void Work(string body, bool cased, List<ExtractedFact> found)
    {
        var text = Phrase(body, cased);
        if (text is not null)
        {
            found.Add(new ExtractedFact(Limit(text), FactKind.Profile, FactKeys.Job));
        }
    }

    private static string? Phrase(string body, bool cased)
    {
        var work = WorkAs.Match(body);
        if (work.Success && Clean(work.Groups["x"].Value) is { } where && !ObjectRejected.IsMatch(where) && !IsPastime(where))
        {
            var adverb = work.Groups["adv"].Success ? work.Groups["adv"].Value.ToLowerInvariant() : null;
            var verb = work.Groups["verb"].Value.ToLowerInvariant() == "worked" ? "worked"
                : adverb is "used to" ? "used to work"
                : adverb is "have always" ? "has always worked"
                : "works";
            return $"{FactPhrasing.Subject} {verb} {work.Groups["prep"].Value.ToLowerInvariant()} {Third(where, cased)}";
        }

        var job = JobAs.Match(body);
        if (job.Success && Personal.IsMatch(body) && Clean(job.Groups["x"].Value) is { } role)
        {
            return $"{FactPhrasing.Subject} works as {Third(role, cased)}";
        }

        var mine = MyJob.Match(body);
        if (mine.Success && Clean(mine.Groups["x"].Value) is { } said && !ObjectRejected.IsMatch(said))
        {
            return $"{FactPhrasing.Subject}'s job {mine.Groups["verb"].Value.ToLowerInvariant()} {Third(said, cased)}";
        }

        var living = ForALiving.Match(body);
        if (living.Success)
        {
            return FactPhrasing.ToThirdPersonSentence(living.Groups["c"].Value, cased);
        }

        var retired = RetiredFrom.Match(body);
        if (retired.Success && Clean(retired.Groups["x"].Value) is { } from && !ObjectRejected.IsMatch(from))
        {
            return $"{FactPhrasing.Subject} retired from {Third(from, cased)}";
        }

        var am = IAmA.Match(body);
        if (am.Success && IsOccupation(am.Groups["x"].Value, am.Groups["head"].Value))
        {
            var rest = am.Groups["rest"].Success ? Clean(am.Groups["rest"].Value) : null;
            var clause = "i " + am.Groups["verb"].Value.ToLowerInvariant() + " " + am.Groups["x"].Value + (rest is null ? string.Empty : " " + rest);
            return FactPhrasing.ToThirdPersonSentence(clause, cased);
        }

        return null;
    }

    private static bool IsOccupation(string phrase, string head)
    {
        var words = phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(Hobbyish.Contains) || NotWork.Contains(head) || EnglishLexicon.Relations.Contains(head.ToLowerInvariant()))
        {
            return false;
        }

        return Occupations.Contains(head)
            || (head.Length > 4 && Endings.Any(e => head.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
    }

    // "I work in the garden" is a pastime, not a workplace; "the garden centre" is a workplace.
    private static bool IsPastime(string where) => Garden.IsMatch(where);

    private static string? Clean(string raw) => Value(Cut.Replace(raw, string.Empty), 8);

    private static string Third(string value, bool cased) => FactPhrasing.ToThirdPerson(value, cased, subjectNamed: true);
}
