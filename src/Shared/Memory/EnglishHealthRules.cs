using System.Text.RegularExpressions;
using static VoiceMemory.Memory.EnglishValues;

namespace VoiceMemory.Memory;

/// <summary>English rules for health: allergies, conditions, aids and medicines. Health facts are unkeyed so several coexist.</summary>
internal static class EnglishHealthRules
{
    private static readonly Regex Allergic = R(Im + @"\s+(?:(?:very|quite|really|severely|badly|also|terribly|deathly|seriously|highly)\s+)*allergic\s+to\s+(?<x>.+)");
    private static readonly Regex AllergyTo = R(@"\bi\s+(?:have|have\s+got|got)\s+(?:an?\s+|some\s+)?(?:(?:severe|bad|serious|mild|nasty)\s+)?allerg(?:y|ies)\s+to\s+(?<x>.+)");
    private static readonly Regex NounAllergy = R(@"\bi\s+(?:have|have\s+got)\s+an?\s+(?:(?:severe|bad|serious|mild)\s+)?(?<x>[\p{L}][\p{L}\s-]{1,30}?)\s+allergy\b");
    private static readonly Regex MyAllergies = R(@"\bmy\s+allerg(?:y|ies)\s+(?:is|are)\s+(?<x>.+)");
    private static readonly Regex ItemSplit = R(@"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+");
    private static readonly Regex ListCut = R(@"\s+(?:so|which|because|but|since|that|who|when)\b.*$");
    private static readonly Regex HaveCondition = R(@"\bi\s+(?:(?:also|still)\s+)?(?<verb>have\s+got|have|suffer\s+from|am\s+suffering\s+from|was\s+diagnosed\s+with|got\s+diagnosed\s+with|have\s+been\s+diagnosed\s+with|live\s+with|am\s+living\s+with)\s+(?<x>.+)");
    private static readonly Regex ConditionQualifiers = R(@"^(?:(?:a|an|some|mild|severe|bad|early|early[\s-]stage|chronic|terrible|a\s+touch\s+of|a\s+bit\s+of|the\s+beginnings\s+of)\s+)*");
    private static readonly Regex HadEvent = R(@"\bi\s+(?:had|have\s+had)\s+(?<x>a\s+stroke|a\s+heart\s+attack|a\s+hip\s+replacement|a\s+knee\s+replacement|a\s+bad\s+fall|a\s+fall|a\s+bypass|heart\s+surgery|cancer|a\s+mastectomy|chemo(?:therapy)?|a\s+transplant)\b(?<rest>.*)");
    private static readonly Regex IAmCondition = R(Im + @"\s+(?:(?:also|now)\s+)?(?<x>diabetic|asthmatic|epileptic|deaf|hard\s+of\s+hearing|partially\s+sighted|partially\s+deaf|blind|registered\s+blind|in\s+a\s+wheelchair|lactose\s+intolerant|gluten\s+intolerant|coeliac|celiac|pre-?diabetic)\b");
    private static readonly Regex UsesAid = R(@"\bi\s+(?<verb>use|need|wear|have)\s+(?<x>an?\s+(?:wheelchair|walker|walking\s+frame|zimmer\s+frame|walking\s+stick|cane|hearing\s+aid|mobility\s+scooter|pacemaker|catheter|stoma)|hearing\s+aids|oxygen|dentures)\b");
    private static readonly Regex TakesMedicine = R(@"\bi\s+(?:(?:also|still|now|usually|always)\s+)?(?<verb>take|am\s+taking|am\s+on|use|inject)\s+(?<x>.+)");
    private static readonly Regex MedicineCut = R(@"\s+(?:because|since|but|so|which|and\s+(?:it|i|my))\b.*$");
    private static readonly Regex DateCut = R(@"\s+(?:and|but|so|because|which|when)\b.*$");

    public static void Allergies(string body, bool cased, List<ExtractedFact> found)
    {
        string? list = null;
        foreach (var regex in new[] { Allergic, AllergyTo, MyAllergies })
        {
            var match = regex.Match(body);
            if (match.Success)
            {
                list = match.Groups["x"].Value;
                break;
            }
        }

        var noun = NounAllergy.Match(body);
        if (list is null && noun.Success)
        {
            list = noun.Groups["x"].Value;
        }

        if (list is null)
        {
            return;
        }

        // One fact per allergen: allergies accumulate and each can be forgotten on its own.
        foreach (var item in ItemSplit.Split(ListCut.Replace(list, string.Empty)).Take(6))
        {
            if (Value(item, 5) is { } allergen && !ObjectRejected.IsMatch(allergen))
            {
                var shown = FactPhrasing.ToThirdPerson(allergen, cased, subjectNamed: true);
                found.Add(new ExtractedFact($"{FactPhrasing.Subject} is allergic to {shown}", FactKind.Health, null));
            }
        }
    }

    public static void Health(string body, bool cased, List<ExtractedFact> found)
    {
        var condition = HaveCondition.Match(body);
        if (condition.Success && Value(ListCut.Replace(condition.Groups["x"].Value, string.Empty), 6) is { } said && IsCondition(said))
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} has {FactPhrasing.ToThirdPerson(said, cased, subjectNamed: true)}", FactKind.Health, null));
        }

        var had = HadEvent.Match(body);
        if (had.Success)
        {
            var rest = Value(DateCut.Replace(had.Groups["rest"].Value, string.Empty), 5);
            var when = rest is null ? string.Empty : " " + FactPhrasing.ToThirdPerson(rest, cased, subjectNamed: true);
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} had {had.Groups["x"].Value.ToLowerInvariant()}{when}", FactKind.Health, null));
        }

        var state = IAmCondition.Match(body);
        if (state.Success)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} is {state.Groups["x"].Value.ToLowerInvariant()}", FactKind.Health, null));
        }

        var aid = UsesAid.Match(body);
        if (aid.Success)
        {
            var verb = FactPhrasing.ThirdPersonVerb(aid.Groups["verb"].Value);
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} {verb} {aid.Groups["x"].Value.ToLowerInvariant()}", FactKind.Health, null));
        }

        var medicine = TakesMedicine.Match(body);
        if (medicine.Success && Value(MedicineCut.Replace(medicine.Groups["x"].Value, string.Empty), 8) is { } taken && IsMedicine(taken))
        {
            var verb = medicine.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "use" => "uses",
                "inject" => "injects",
                _ => "takes",
            };
            found.Add(new ExtractedFact($"{FactPhrasing.Subject} {verb} {FactPhrasing.ToThirdPerson(taken, cased, subjectNamed: true)}", FactKind.Health, null));
        }
    }

    private static bool IsCondition(string said)
    {
        var lower = said.ToLowerInvariant();
        var bare = ConditionQualifiers.Replace(lower, string.Empty);
        foreach (var known in EnglishLexicon.Conditions)
        {
            if (lower.StartsWith(known, StringComparison.Ordinal) || bare.StartsWith(known, StringComparison.Ordinal))
            {
                var next = (bare.StartsWith(known, StringComparison.Ordinal) ? bare : lower).AsSpan(known.Length);
                if (next.IsEmpty || !char.IsLetter(next[0]))
                {
                    return true;
                }
            }
        }

        return bare.Split(' ').Any(word => word.Length > 5 && EnglishLexicon.ConditionSuffixes.Any(s => !s.StartsWith(' ') && word.EndsWith(s, StringComparison.Ordinal)))
            || EnglishLexicon.ConditionSuffixes.Any(s => s.StartsWith(' ') && (bare.EndsWith(s, StringComparison.Ordinal) || bare.Contains(s + " ", StringComparison.Ordinal)));
    }

    private static bool IsMedicine(string taken)
    {
        // "an inhaler" and "a statin" are medicines; "a break" and "the bus" are not, and the word test below decides.
        var words = taken.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => w is "a" or "an" or "my" or "some").ToArray();
        if (words.Length == 0 || words[0] is "the" or "care" or "it" or "them" or "part" or "place" or "time" or "turns" or "notes")
        {
            return false;
        }

        return words.Any(word => EnglishLexicon.Medicines.Contains(word)
            || (word.Length >= 6 && EnglishLexicon.MedicineSuffixes.Any(s => word.EndsWith(s, StringComparison.Ordinal))));
    }
}
