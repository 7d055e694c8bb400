using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// Cuts an English sentence into clauses, each holding at most one statement. Transcripts have no punctuation
/// ("my name is alice and i am allergic to peanuts"), so clauses also start at "and i…", ", my…" and at strong
/// openers such as "i am" or "my name".
/// </summary>
internal static class EnglishClauses
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private const string BroadStarters =
        @"i|i'm|im|i've|ive|i'd|i'll|my|we|we're|our|she|he|they|it|it's|its|that|that's|there|you|your|remember|don'?t\s+forget|do\s+not\s+forget|please|call\s+me|what|what's|whats|who|who's|where|when|how|why|which|does|did|can|could|will|would|tomorrow|today|tonight|yesterday|next|this|on|everyone|people";

    private static readonly string StrictOpeners =
        @"i\s+am\b|i'm\b|im\b|i\s+live\b|i\s+have\b|i've\s+got\b|i\s+take\b|i\s+(?:really\s+|also\s+|just\s+)?(?:love|like|enjoy|hate|dislike|adore)\b|i\s+(?:don'?t|do\s+not|can'?t|cannot)\s+(?:like|love|stand|enjoy)\b|i\s+was\s+born\b|i\s+come\s+from\b|i\s+moved\b|i\s+suffer\b|my\s+name\b|my\s+birthday\b|my\s+favou?rite\b|my\s+(?:(?:"
        + EnglishLexicon.RelationAdjectives + @")\s+)?(?:" + EnglishLexicon.RelationAlternation + @")(?:'s|s)?\s+(?:name|is|was|called)\b|call\s+me\b|please\s+remember\b|remember\s+that\b|don'?t\s+forget\b|do\s+not\s+forget\b|(?:what|where|who|how|when)(?:'s|\s+(?:is|are|do|does|did|am|was|can|should|will))\b";

    private static readonly Regex SeparatorSplit = new(
        @"\s*[,;]\s*(?:(?:and|but|so|also|plus|then|because|cause|although|though)\s+)?(?=(?:" + BroadStarters + @")\b)|\s+(?:and|but|so|also|plus|then|because|cause|although|though)\s+(?=(?:" + BroadStarters + @")\b)",
        Options,
        Timeout);

    // After an auxiliary the "i" is the inverted subject of a question ("what kind of tv do i dislike"), not a new clause.
    private static readonly Regex OpenerSplit = new(@"(?<=\S)(?<!\b(?:do|did|does|don't|dont|didn't|didnt|can|could|will|would|should|shall|may|might|have|had)\b)\s+(?=(?:" + StrictOpeners + "))", Options, Timeout);

    private static readonly Regex Fillers = new(
        @"^(?:(?:(?:hi|hello|hey|hiya)(?:\s+(?:there|again|everyone|all|friend|dear))?|well|so|oh|um+|uh|er|erm|ah|ok|okay|yes|yeah|yep|no|nope|right|alright|actually|anyway|and|but|also|plus|then|because|cause|by\s+the\s+way|you\s+know|listen|look|good\s+(?:morning|afternoon|evening|night)|thanks|thank\s+you|please|dear)\b[\s,!]*)+",
        Options,
        Timeout);

    private static readonly Regex FirstPerson = new(@"\b(?:i|i'm|im|i've|i'll|i'd|me|my|mine|we|our)\b", Options, Timeout);

    // "…remember that", "can you tell me", "remind me": the clause after it is what is asked or to be remembered.
    private static readonly Regex EndsWithRememberRequest = new(@"\b(?:remember|forget|note|mind)(?:\s+(?:that|this))?$|\b(?:tell|remind|show|give|ask)\s+me(?:\s+again)?$", Options, Timeout);

    private static readonly Regex QuestionStart = new(
        @"^(?:what|what's|whats|who|who's|whos|whom|whose|where|where's|wheres|when|when's|why|how|how's|hows|which|do|does|did|is|isn't|are|aren't|am|was|were|can|could|would|will|should|shall|may|might|have|has|haven't|hasn't|didn't|doesn't|won't|wouldn't|can't|couldn't|tell\s+me|don'?t\s+(?:you|i|we|they|he|she))\b",
        Options,
        Timeout);

    private static readonly Regex AsksWhetherYouKnow = new(@"\b(?:do|did|does)\s+you\s+(?:know|remember|recall)\b", Options, Timeout);

    /// <summary>"can you remember that …" is a request to remember, not a question.</summary>
    private static readonly Regex RememberRequest = new(@"^(?:(?:can|could|will|would)\s+you\s+(?:please\s+)?)?(?:remember|don'?t\s+forget|do\s+not\s+forget|make\s+a\s+note|note\s+down|keep\s+in\s+mind)\b", Options, Timeout);

    public static IReadOnlyList<string> Split(string sentence)
    {
        var pieces = new List<string>();
        foreach (var part in SeparatorSplit.Split(sentence))
        {
            pieces.AddRange(OpenerSplit.Split(part));
        }

        // A lead-in without a first-person word ("tomorrow", "hello", "the doctor says") belongs to the clause after it.
        var clauses = new List<string>();
        var carry = string.Empty;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = (carry + " " + pieces[i]).Trim().Trim(',', ' ');
            carry = string.Empty;
            var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (i < pieces.Count - 1 && ((words <= 3 && !FirstPerson.IsMatch(piece)) || EndsWithRememberRequest.IsMatch(piece)))
            {
                carry = piece;
                continue;
            }

            if (piece.Length > 0)
            {
                clauses.Add(piece);
            }
        }

        if (carry.Length > 0)
        {
            clauses.Add(carry);
        }

        return clauses;
    }

    /// <summary>The clause without leading greetings and fillers ("hi, well, my name is…" → "my name is…").</summary>
    public static string StripFillers(string clause) => Fillers.Replace(clause.Trim(), string.Empty).Trim().TrimEnd('?', '!', '.', ',', ' ');

    /// <summary>True when the clause asks rather than tells: such clauses teach nothing ("what is my name").</summary>
    public static bool IsQuestion(string body, bool endsWithQuestionMark)
    {
        if (RememberRequest.IsMatch(body) && EnglishRules.NoteContent(body) is { } content && !QuestionStart.IsMatch(content))
        {
            return false;
        }

        return endsWithQuestionMark || QuestionStart.IsMatch(body) || AsksWhetherYouKnow.IsMatch(body);
    }
}
