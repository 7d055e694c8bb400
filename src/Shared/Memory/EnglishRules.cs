using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// English statement patterns. Each clause (fillers stripped, questions left out) goes through the profile, health
/// and family rules, which add facts worded by <see cref="FactPhrasing"/>. Patterns are case-insensitive:
/// transcripts arrive in lower case.
/// </summary>
internal static class EnglishRules
{
    private static readonly Regex Note = EnglishValues.R(@"^(?:(?:can|could|will|would)\s+you\s+(?:please\s+)?)?(?:remember|don'?t\s+forget|do\s+not\s+forget|make\s+a\s+note(?:\s+of)?|note\s+down|keep\s+in\s+mind)(?:\s+(?:that|this))?(?:\s*[:,])?\s+(?<todo>to\s+)?(?<c>.+)$");
    private static readonly Regex NoteRejected = EnglishValues.R(@"^(?:when|what|who|whom|how|where|why|if|whether|me|it|that|this|us|him|her|them|you|everything|anything|something)\b");
    private static readonly Regex IAm = EnglishValues.R(@"\b(?<i>i)(?:'m|m)\b");
    private static readonly Regex IHave = EnglishValues.R(@"\b(?<i>i)'?ve\b");

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
                found.Add(new ExtractedFact(EnglishValues.Limit(text), FactKind.Note, null));
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
        EnglishProfileRules.Name(body, cased, found);
        EnglishProfileRules.Age(body, found);
        EnglishProfileRules.Home(body, cased, found);
        EnglishWorkRules.Work(body, cased, found);
        EnglishProfileRules.Favourite(body, cased, found);
        EnglishProfileRules.Preferences(body, cased, found);
        EnglishHealthRules.Allergies(body, cased, found);
        EnglishHealthRules.Health(body, cased, found);
        EnglishFamilyRules.Relationships(body, cased, found);
        if (!EnglishFamilyRules.Dates(body, cased, found) && found.Count == 0)
        {
            EnglishFamilyRules.Event(body, cased, found);
        }
    }
}
