namespace VoiceMemory.Safety;

/// <summary>
/// The built-in crisis and abuse lexicon (English and Chinese, Simplified and common Traditional forms).
/// <para>
/// User input: self-harm or suicide intent (<see cref="SafetyCategories.SelfHarm"/>) and threats to harm others
/// (<see cref="SafetyCategories.Violence"/>) and danger from others (<see cref="SafetyCategories.Danger"/>: being hurt,
/// threatened or stalked) are crises; abuse, harassment and slurs (<see cref="SafetyCategories.Abuse"/>)
/// are flagged only. Negated ("I would never hurt myself"), topical ("the movie was about suicide") and reported
/// ("he said \"I want to die\"") mentions are not matched.
/// </para>
/// <para>
/// Replies: encouragement of self-harm or violence, means and methods, and abuse are flagged (never a crisis: the
/// reply is replaced, the user's words decide about the crisis message). A reply that points to a crisis line is fine.
/// </para>
/// Both languages are always screened: a typed turn may be written in another language than its locale.
/// </summary>
public sealed class LexiconSafetyScreen : ISafetyScreen
{
    /// <summary>The <see cref="SafetyVerdict.Source"/> of this screen's verdicts.</summary>
    public const string SourceName = "lexicon";

    private static readonly LexiconRule[] UserInputRules =
        [.. EnglishLexicon.UserInput, .. EnglishConcepts.UserInput, .. ChineseLexicon.UserInput, .. ChineseConcepts.UserInput];
    private static readonly LexiconRule[] ReplyRules = [.. EnglishLexicon.Reply, .. ChineseLexicon.Reply];

    /// <inheritdoc />
    public Task<SafetyVerdict> ScreenAsync(string text, string locale, ScreenTarget target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Screen(text, locale, target));
    }

    /// <summary>Screens <paramref name="text"/> synchronously; the most severe finding decides, a crisis before abuse.</summary>
    /// <param name="text">The transcript or the reply.</param>
    /// <param name="locale">The turn's locale; both languages are screened whatever it says.</param>
    /// <param name="target">User input (crisis detection) or a generated reply (flag for replacement).</param>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">A pattern ran past its time limit (pathological input); the step fails and is retried rather than passing the text unscreened.</exception>
    public SafetyVerdict Screen(string text, string locale, ScreenTarget target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(locale);
        if (string.IsNullOrWhiteSpace(text))
        {
            return SafetyVerdict.Clear(SourceName);
        }

        var prepared = SafetyText.BlankReportedQuotes(SafetyText.Normalize(text));
        var clauses = SafetyText.Clauses(prepared);

        // "When I was a teenager I had suicidal thoughts but therapy helped": a crisis told as resolved past is not one now.
        var resolved = target == ScreenTarget.UserInput && LexiconScope.IsResolvedPast(prepared);
        LexiconRule? worst = null;
        foreach (var rule in target == ScreenTarget.Reply ? ReplyRules : UserInputRules)
        {
            if (resolved && IsCrisisCategory(rule.Category))
            {
                continue;
            }

            if ((worst is null || Rank(rule) > Rank(worst)) && Matches(rule, prepared, clauses))
            {
                worst = rule;
            }
        }

        if (worst is null)
        {
            return SafetyVerdict.Clear(SourceName);
        }

        var isCrisis = target == ScreenTarget.UserInput && IsCrisisCategory(worst.Category);
        return new SafetyVerdict(true, worst.Category, isCrisis, worst.Severity, SourceName);
    }

    /// <summary>The names of the rules that match, for tests and diagnostics.</summary>
    internal static IReadOnlyList<string> MatchingRules(string text, ScreenTarget target)
    {
        var prepared = SafetyText.BlankReportedQuotes(SafetyText.Normalize(text));
        var clauses = SafetyText.Clauses(prepared);
        return (target == ScreenTarget.Reply ? ReplyRules : UserInputRules)
            .Where(rule => Matches(rule, prepared, clauses))
            .Select(rule => rule.Name)
            .ToList();
    }

    // A crisis outranks abuse whatever the severities; then the higher severity wins.
    private static int Rank(LexiconRule rule) => (IsCrisisCategory(rule.Category) ? 100 : 0) + rule.Severity;

    private static bool IsCrisisCategory(string category) =>
        category is SafetyCategories.SelfHarm or SafetyCategories.Violence or SafetyCategories.Danger;

    private static bool Matches(LexiconRule rule, string text, string[] clauses)
    {
        if (rule.Requires is not null && !rule.Requires.IsMatch(text))
        {
            return false;
        }

        foreach (var clause in clauses)
        {
            if (rule.Unless is not null && rule.Unless.IsMatch(clause))
            {
                continue;
            }

            for (var match = rule.Pattern.Match(clause); match.Success; match = match.NextMatch())
            {
                var before = clause[..match.Index];
                if (rule.Negatable && LexiconScope.IsNegated(rule.Language, before))
                {
                    continue;
                }

                if (rule.FirstPerson && LexiconScope.HasOtherSubject(rule.Language, before))
                {
                    continue;
                }

                return true;
            }
        }

        return false;
    }
}
