using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// English statement patterns. Each rule reads one clause (fillers stripped, questions already excluded) and adds
/// facts worded by <see cref="FactPhrasing"/>. Patterns are case-insensitive: transcripts arrive in lower case.
/// </summary>
internal static class EnglishRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>Regex alternation of relation words, longest first.</summary>
    public static string RelationAlternation { get; } = string.Join(
        '|',
        EnglishLexicon.Relations.Select(r => Regex.Escape(r).Replace(@"\ ", @"[\s-]+", StringComparison.Ordinal)));

    private const string Im = @"\bi\s+am\b";
    private const string Adj = EnglishLexicon.RelationAdjectives;
    private static readonly string Rel = "(?<rel>" + RelationAlternation + ")";
    private static readonly string Number = @"(?<n>\d{1,3}|(?:" + NumberWords.EnglishAlternation + @")(?:[\s-]+(?:and\s+)?(?:" + NumberWords.EnglishAlternation + "))*)";
    private const string NameWords = @"(?<name>[\p{L}][\p{L}'\-]*(?:\s+[\p{L}][\p{L}'\-]*){0,3})";
    private const string OneName = @"(?<name>[\p{L}][\p{L}'\-]*)";

    private static readonly Regex NameIs = R(@"\bmy\s+(?:first\s+|full\s+|real\s+)?name(?:'s|s|\s+is)\s+(?:actually\s+|really\s+)?" + NameWords);
    private static readonly Regex CallMe = R(@"\b(?:(?:you\s+(?:can|may)\s+|please\s+|just\s+)?call\s+me|(?:everyone|everybody|people|my\s+friends|friends|they\s+all)\s+calls?\s+me)\s+" + NameWords);
    private static readonly Regex IAmName = R("^" + Im + @"\s+(?<name>[\p{L}][\p{L}'\-]*(?:\s+[\p{L}][\p{L}'\-]*)?)$");

    private static readonly Regex AgeYears = R(Im + @"\s+(?:(?<q>nearly|almost|over|about|just\s+over|just\s+under|turning)\s+)?" + Number + @"\s+(?:years?|yrs?)(?:\s+old|\s+of\s+age)?\b");
    private static readonly Regex AgeBare = R("^" + Im + @"\s+(?:(?<q>nearly|almost|over)\s+)?" + Number + @"(?:\s+(?:now|this\s+year|today))?$");
    private static readonly Regex AgeOther = R(@"\b(?:my\s+age\s+is|i\s+(?:just\s+)?turned)\s+" + Number + @"\b");

    private static readonly Regex LiveIn = R(@"\bi\s+(?:(?:now|still|currently|also)\s+)?live\s+(?<prep>in|at|near|on)\s+(?<p>.+)");
    private static readonly Regex ComeFrom = R(@"(?:" + Im + @"\s+(?:originally\s+)?from|\bi\s+(?:originally\s+)?come\s+from)\s+(?<p>.+)");
    private static readonly Regex MovedTo = R(@"\bi\s+(?:just\s+|recently\s+)?moved\s+to\s+(?<p>.+)");
    private static readonly Regex PlaceCut = R(@"\s+(?:with|since|for|now|these\s+days|nowadays|at\s+the\s+moment|right\s+now|last|ago|originally|by\s+the\s+way|too|as\s+well|which|where|but|because|when|years|all\s+my\s+life|so|and\s+(?:it|i|we|my))\b.*$");

    private static readonly Regex FavouriteIs = R(@"\bmy\s+(?:all[\s-]time\s+)?(?<fav>favou?rite|fave)\s+(?<t>[\p{L}][\p{L}\s]{1,30}?)\s+(?:is|are|was|'s|s)\s+(?<v>.+)");
    private static readonly Regex IsMyFavourite = R(@"^(?<v>[\p{L}][\p{L}'\s]{0,40}?)\s+(?:is|are)\s+my\s+(?:all[\s-]time\s+)?(?<fav>favou?rite|fave)\s+(?<t>[\p{L}][\p{L}\s]{1,30})$");

    private static readonly Regex Likes = R(@"\bi\s+(?:(?:really|truly|absolutely|just|also|still|do|quite|totally|especially|simply|genuinely|so|always|particularly)\s+)*(?<verb>love|like|enjoy|adore|hate|dislike|detest|loathe|prefer|despise)\s+(?<o>.+)");
    private static readonly Regex Dislikes = R(@"\bi\s+(?:(?:really|just|also|still|honestly)\s+)*(?:don'?t|do\s+not|never|no\s+longer|can'?t|cannot|can\s+not)\s+(?:(?:really|much|particularly|especially|actually|even)\s+)*(?<verb>like|love|enjoy|stand|bear|care\s+for)\s+(?<o>.+)");
    private static readonly Regex FanOf = R(Im + @"\s+(?<neg>not\s+)?(?:(?:really|very|quite|so|such|a|an|big|huge|great|massive|much\s+of)\s+)*(?:fond\s+of|fan\s+of|into|keen\s+on|crazy\s+about|mad\s+about|passionate\s+about)\s+(?<o>.+)");
    private static readonly Regex ObjectCut = R(@"\s+(?:because|since|but|when|whenever|if|though|although|as\s+long\s+as|more\s+than|better\s+than|anymore|any\s+more|very\s+much|so\s+much|a\s+lot|too\s+much|at\s+all|these\s+days|nowadays)\b.*$");
    private static readonly Regex ObjectRejected = R(@"^(?:it|it's|that|this|them|you|yourself|him|her|those|these|what|how|when|where|who|is|are|was|most|the\s+most|about|being|so|very|much|a\s+lot|here|there|myself|one|lots|to\s+(?:think|say|know|believe|ask|hear|see\s+you|talk\s+to\s+you))\b");

    private static readonly Regex Allergic = R(Im + @"\s+(?:(?:very|quite|really|severely|badly|also|terribly|deathly|seriously|highly)\s+)*allergic\s+to\s+(?<x>.+)");
    private static readonly Regex AllergyTo = R(@"\bi\s+(?:have|have\s+got|got)\s+(?:an?\s+|some\s+)?(?:(?:severe|bad|serious|mild|nasty)\s+)?allerg(?:y|ies)\s+to\s+(?<x>.+)");
    private static readonly Regex NounAllergy = R(@"\bi\s+(?:have|have\s+got)\s+an?\s+(?:(?:severe|bad|serious|mild)\s+)?(?<x>[\p{L}][\p{L}\s-]{1,30}?)\s+allergy\b");
    private static readonly Regex MyAllergies = R(@"\bmy\s+allerg(?:y|ies)\s+(?:is|are)\s+(?<x>.+)");
    private static readonly Regex ItemSplit = R(@"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+");
    private static readonly Regex ListCut = R(@"\s+(?:so|which|because|but|since|that|who|when)\b.*$");

    private static readonly Regex HaveCondition = R(@"\bi\s+(?:(?:also|still)\s+)?(?<verb>have|have\s+got|suffer\s+from|am\s+suffering\s+from|was\s+diagnosed\s+with|got\s+diagnosed\s+with|have\s+been\s+diagnosed\s+with|live\s+with|am\s+living\s+with)\s+(?<x>.+)");
    private static readonly Regex ConditionQualifiers = R(@"^(?:(?:a|an|some|mild|severe|bad|early|early[\s-]stage|chronic|terrible|a\s+touch\s+of|a\s+bit\s+of|the\s+beginnings\s+of)\s+)*");
    private static readonly Regex HadEvent = R(@"\bi\s+(?:had|have\s+had)\s+(?<x>a\s+stroke|a\s+heart\s+attack|a\s+hip\s+replacement|a\s+knee\s+replacement|a\s+bad\s+fall|a\s+fall|a\s+bypass|heart\s+surgery|cancer|a\s+mastectomy|chemo(?:therapy)?|a\s+transplant)\b(?<rest>.*)");
    private static readonly Regex IAmCondition = R(Im + @"\s+(?:(?:also|now)\s+)?(?<x>diabetic|asthmatic|epileptic|deaf|hard\s+of\s+hearing|partially\s+sighted|partially\s+deaf|blind|registered\s+blind|in\s+a\s+wheelchair|lactose\s+intolerant|gluten\s+intolerant|coeliac|celiac|pre-?diabetic)\b");
    private static readonly Regex UsesAid = R(@"\bi\s+(?<verb>use|need|wear|have)\s+(?<x>an?\s+(?:wheelchair|walker|walking\s+frame|zimmer\s+frame|walking\s+stick|cane|hearing\s+aid|mobility\s+scooter|pacemaker|catheter|stoma)|hearing\s+aids|oxygen|dentures)\b");
    private static readonly Regex TakesMedicine = R(@"\bi\s+(?:(?:also|still|now|usually|always)\s+)?(?<verb>take|am\s+taking|am\s+on|use|inject)\s+(?<x>.+)");
    private static readonly Regex MedicineCut = R(@"\s+(?:because|since|but|so|which|and\s+(?:it|i|my))\b.*$");

    private static readonly Regex RelationNameIs = R(@"\bmy\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"(?:'s|s|'|\s+'s)?\s+(?:first\s+)?name\s+(?<verb>is|was)\s+" + NameWords);
    private static readonly Regex RelationCalled = R(@"\bmy\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"\s+(?<verb>is|was|'s)\s+(?:called|named)\s+" + NameWords);
    private static readonly Regex HaveRelationCalled = R(@"\bi\s+(?:have|have\s+got|had)\s+an?\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"\s+(?:called|named)\s+" + NameWords);
    private static readonly Regex RelationIsName = R(@"\bmy\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"(?:'s|\s+is)\s+" + OneName + "$");
    private static readonly Regex RelationNamedDoes = R(@"\bmy\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @",?\s+" + OneName + @",?\s+(?<rest>(?:(?:always|often|usually|still|just|also|never|sometimes|now)\s+)*(?:lives|lived|works|worked|is|was|visits|comes|came|calls|called|phones|has|had|will|used|loves|likes|moved|died|passed|got|goes|went|plays|helps|takes|brings|sends|who)\b.*)");
    private static readonly Regex NameIsMyRelation = R(@"^" + OneName + @"\s+is\s+my\s+(?:(?<adj>" + Adj + @")\s+)?" + Rel + @"$");
    private static readonly Regex RelationPassed = R(@"\bmy\s+(?:(?<adj>late)\s+)?" + Rel + @"\s+(?<what>passed\s+away|died|passed)\b(?<rest>.*)");
    private static readonly Regex LivesInPlace = R(@"^(?<verb>(?:lives|lived|works|worked|moved)\s+(?:in|to))\s+(?<p>.+)$");

    private static readonly Regex Birthday = R(@"\bmy\s+(?:" + Rel + @"(?:'s|s|\s+'s)\s+)?birthday\s+is\s+(?<on>on\s+)?(?<d>.+)");
    private static readonly Regex BornOn = R(@"\bi\s+was\s+born\s+on\s+(?<d>.+)");
    private static readonly Regex Anniversary = R(@"\b(?:our|my)\s+(?:wedding\s+)?anniversary\s+is\s+(?<on>on\s+)?(?<d>.+)");
    private static readonly Regex DateCut = R(@"\s+(?:and|but|so|because|which|when)\b.*$");
    private static readonly Regex EventNoun = R(@"\b(?:" + EnglishLexicon.EventNouns + @"|seeing|going\s+to|going\s+out|meeting|flying|travell?ing|coming|off\s+to)\b");
    private static readonly Regex TimeExpression = R(@"\b(?:" + EnglishLexicon.TimeExpressions + @")\b");
    private static readonly Regex Personal = R(@"\b(?:i|i'm|im|i've|i'll|my|me|we|we're|our)\b");

    private static readonly Regex Note = R(@"^(?:(?:can|could|will|would)\s+you\s+(?:please\s+)?)?(?:remember|don'?t\s+forget|do\s+not\s+forget|make\s+a\s+note(?:\s+of)?|note\s+down|keep\s+in\s+mind)(?:\s+(?:that|this))?(?:\s*[:,])?\s+(?<todo>to\s+)?(?<c>.+)$");
    private static readonly Regex NoteRejected = R(@"^(?:when|what|who|whom|how|where|why|if|whether|me|it|that|this|us|him|her|them|you|everything|anything|something)\b");

    private static readonly Regex IAm = R(@"\b(?<i>i)(?:'m|m)\b");
    private static readonly Regex IHave = R(@"\b(?<i>i)'?ve\b");

    private static Regex R(string pattern) => new(pattern, Options, Timeout);

    /// <summary>"i'm" → "i am", "ive" → "i have", so each rule spells the verb one way (transcripts drop apostrophes).</summary>
    public static string ExpandContractions(string text) =>
        IHave.Replace(IAm.Replace(text, m => m.Groups["i"].Value + " am"), m => m.Groups["i"].Value + " have");

    /// <summary>The clauses of a sentence without fillers, each marked as question or statement.</summary>
    public static IEnumerable<(string Body, bool IsQuestion)> Clauses(Sentence sentence)
    {
        var clauses = EnglishClauses.Split(ExpandContractions(sentence.Text));
        for (var i = 0; i < clauses.Count; i++)
        {
            var body = EnglishClauses.StripFillers(clauses[i]);
            if (body.Length > 0)
            {
                yield return (body, EnglishClauses.IsQuestion(body, sentence.EndsWithQuestionMark && i == clauses.Count - 1));
            }
        }
    }

    public static void Extract(Sentence sentence, bool cased, List<ExtractedFact> facts)
    {
        foreach (var (body, isQuestion) in Clauses(sentence))
        {
            if (isQuestion)
            {
                continue;
            }

            var found = new List<ExtractedFact>();
            var note = Note.Match(body);
            var noteContent = NoteContent(body);
            Statements(noteContent ?? body, cased, found);

            // An explicit "remember that…" is kept as a note only when it holds nothing more specific.
            if (noteContent is not null && found.Count == 0)
            {
                var text = note.Groups["todo"].Success
                    ? FactPhrasing.Subject + " needs to " + FactPhrasing.ToThirdPerson(noteContent, cased, subjectNamed: true)
                    : FactPhrasing.ToThirdPersonSentence(noteContent, cased);
                found.Add(new ExtractedFact(Limit(text), FactKind.Note, null));
            }

            facts.AddRange(found);
        }
    }

    /// <summary>What follows "remember that / don't forget", or null when the clause is not such a request.</summary>
    public static string? NoteContent(string body)
    {
        var match = Note.Match(body);
        if (!match.Success)
        {
            return null;
        }

        var content = match.Groups["c"].Value.Trim().TrimEnd('?', '.', '!', ' ');
        var words = content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var enough = match.Groups["todo"].Success ? words >= 1 : words >= 3;
        return enough && !NoteRejected.IsMatch(content) ? content : null;
    }

    private static void Statements(string body, bool cased, List<ExtractedFact> found)
    {
        // Order matters only for the event rule, which stays quiet when the clause said something more specific.
        Name(body, cased, found);
        Age(body, found);
        Home(body, cased, found);
        Favourite(body, cased, found);
        Preferences(body, cased, found);
        Allergies(body, cased, found);
        Health(body, cased, found);
        Relationships(body, cased, found);
        if (!Dates(body, cased, found) && found.Count == 0)
        {
            Event(body, cased, found);
        }
    }

    private static void Name(string body, bool cased, List<ExtractedFact> found)
    {
        var name = NameFrom(NameIs.Match(body), strict: false, cased)
            ?? NameFrom(CallMe.Match(body), strict: false, cased, guarded: true)
            ?? NameFrom(IAmName.Match(body), strict: true, cased);
        if (name is not null)
        {
            found.Add(new ExtractedFact($"{FactPhrasing.Subject}'s name is {name}", FactKind.Profile, FactKeys.Name));
        }
    }

    private static void Age(string body, List<ExtractedFact> found)
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

    private static void Home(string body, bool cased, List<ExtractedFact> found)
    {
        var live = LiveIn.Match(body);
        if (live.Success && Place(live.Groups["p"].Value, cased) is { } place)
        {
            var prep = live.Groups["prep"].Value.ToLowerInvariant();
            AddHome(found, $"{FactPhrasing.Subject} lives {prep} {place}", place);
            return;
        }

        var moved = MovedTo.Match(body);
        if (moved.Success && Place(moved.Groups["p"].Value, cased) is { } newPlace)
        {
            AddHome(found, $"{FactPhrasing.Subject} lives in {newPlace}", newPlace);
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
        if (value is null || NoteRejected.IsMatch(value) || value.Equals("here", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return FactPhrasing.CapitalisePlace(FactPhrasing.ToThirdPerson(value, cased, subjectNamed: true), cased);
    }

    private static void Favourite(string body, bool cased, List<ExtractedFact> found)
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

    private static void Preferences(string body, bool cased, List<ExtractedFact> found)
    {
        var negative = Dislikes.Match(body);
        if (negative.Success)
        {
            AddPreference(found, "dislikes", negative.Groups["o"].Value, cased);
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

    private static void Allergies(string body, bool cased, List<ExtractedFact> found)
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

    private static void Health(string body, bool cased, List<ExtractedFact> found)
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
        var words = taken.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0] is "the" or "a" or "an" or "care" or "it" or "them" or "part" or "place" or "time" or "turns" or "notes")
        {
            return false;
        }

        return words.Any(word => EnglishLexicon.Medicines.Contains(word)
            || (word.Length >= 6 && EnglishLexicon.MedicineSuffixes.Any(s => word.EndsWith(s, StringComparison.Ordinal))));
    }

    private static void Relationships(string body, bool cased, List<ExtractedFact> found)
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

        foreach (var regex in new[] { RelationIsName, NameIsMyRelation })
        {
            var match = regex.Match(body);
            if (match.Success && NameFrom(match, strict: true, cased) is { } name)
            {
                AddRelation(found, match, $"{FactPhrasing.Subject}'s {Relation(match)} is called {name}");
                return;
            }
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

    private static bool Dates(string body, bool cased, List<ExtractedFact> found)
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

    private static void Event(string body, bool cased, List<ExtractedFact> found)
    {
        if (EventNoun.IsMatch(body) && TimeExpression.IsMatch(body) && Personal.IsMatch(body))
        {
            found.Add(new ExtractedFact(Limit(FactPhrasing.ToThirdPersonSentence(body, cased)), FactKind.Event, null));
        }
    }

    /// <summary>
    /// The name in the match's "name" group. Strict: every word must look like a name or there is none ("i am
    /// tired"). Guarded: a word that is not a name ends it ("call me tomorrow"). Otherwise only connectives end it,
    /// because after "my name is" nearly anything is a name.
    /// </summary>
    private static string? NameFrom(Match match, bool strict, bool cased, bool guarded = false)
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

    private static string? Value(string raw, int maxWords)
    {
        var words = raw.Trim().TrimEnd('.', ',', '!', '?', ';', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        return string.Join(' ', words.Take(maxWords)).TrimEnd(',', '.');
    }

    private static string TrimTrailing(string value, params string[] endings)
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

    private static string Limit(string text) => text.Length <= 200 ? text : text[..200].TrimEnd() + "…";
}
