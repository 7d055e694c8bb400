using System.Globalization;
using System.Text.RegularExpressions;
using VoiceMemory.Memory;

namespace VoiceMemory.Llm;

/// <summary>
/// The last link of the reply chain, used when no LLM is configured or none answered. Deterministic and honest, in
/// English and Chinese: it answers questions about remembered facts by their kind ("what am I allergic to?") or, when
/// no kind fits, by the subject they name ("where's my spare key?", see <see cref="FallbackSubjects"/>), says plainly
/// when it does not know, reflects what it will remember from a statement, greets by name, and otherwise gives a short,
/// warm acknowledgement. It never gives medical advice.
/// </summary>
public sealed class FallbackResponder
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private static readonly Regex EnGreeting = new(@"^(?<s>hi|hello|hey|hiya|howdy|good\s+morning|good\s+afternoon|good\s+evening|morning|evening)\b", Options, Timeout);
    private static readonly Regex EnHowAreYou = new(@"\bhow\s+are\s+you\b|\bhow(?:'s|\s+is)\s+it\s+going\b|\bhow\s+are\s+things\b|\bhow\s+have\s+you\s+been\b", Options, Timeout);
    private static readonly Regex EnThanks = new(@"^(?:(?:oh|well|ok|okay)\s+)?(?:thank\s+you|thanks|cheers|ta)\b", Options, Timeout);
    private static readonly Regex EnGoodbye = new(@"^(?:(?:ok|okay|well)\s+)?(?:bye|goodbye|bye\s+bye|see\s+you|talk\s+(?:to\s+you\s+)?(?:later|soon|tomorrow))\b", Options, Timeout);
    private static readonly Regex EnGoodNight = new(@"^(?:(?:ok|okay|well)\s+)?good\s*night\b", Options, Timeout);
    private static readonly Regex EnWorry = new(@"\b(?:chest\s+pains?|can'?t\s+breathe|cannot\s+breathe|short\s+of\s+breath|(?:i|i've|i\s+have)\s+(?:had\s+a\s+)?fall(?:en)?|i\s+fell|bleeding|fainted|passed\s+out|very\s+dizzy|hurt\s+myself|(?:really|very)\s+(?:ill|sick|unwell)|in\s+(?:a\s+lot\s+of\s+)?pain)\b", Options, Timeout);

    private static readonly Regex ZhGreeting = new(@"^(?<s>你好|您好|嗨|哈喽|早上好|早安|上午好|中午好|下午好|晚上好)", Options, Timeout);
    private static readonly Regex ZhHowAreYou = new(@"你好吗|最近怎么样|你怎么样|过得好吗", Options, Timeout);
    private static readonly Regex ZhThanks = new(@"^(?:谢谢|多谢|感谢)", Options, Timeout);
    private static readonly Regex ZhGoodbye = new(@"^(?:再见|拜拜|回头见|下次聊)", Options, Timeout);
    private static readonly Regex ZhGoodNight = new(@"^晚安", Options, Timeout);
    private static readonly Regex ZhWorry = new(@"胸口疼|胸痛|喘不过气|呼吸困难|摔倒|摔了一跤|流血|晕倒|很晕|特别疼|疼得厉害|很不舒服", Options, Timeout);

    private readonly HeuristicFactExtractor _extractor = new();

    /// <summary>A short, speakable reply to <paramref name="userText"/>, in Chinese when the user spoke Chinese.</summary>
    public string Respond(string userText, MemoryContext memory, string locale)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var text = (userText ?? string.Empty).Trim();
        var chinese = Locales.UseChinese(text, locale);
        var phrases = chinese ? FallbackPhrases.Chinese : FallbackPhrases.English;
        if (text.Length == 0)
        {
            return phrases.Empty;
        }

        var learned = _extractor.Extract(text, locale);
        var known = Known(memory, learned);
        var name = MemoryAnswers.NameOf(known);
        var questions = HeuristicFactExtractor.Questions(text, locale);
        var question = questions.Count > 0 ? FallbackQuestions.Recognise(string.Join(" ", questions), chinese) : new FallbackQuestion(FallbackIntent.None);
        var aboutMemory = question.Intent is not (FallbackIntent.None or FallbackIntent.Other or FallbackIntent.UnknownAboutUser);

        var parts = new List<string>(2);
        if (learned.Count > 0)
        {
            parts.Add(Acknowledge(learned, MemoryAnswers.NameOf(memory.AllFacts), phrases));
        }

        if (aboutMemory)
        {
            parts.Add(question.Intent == FallbackIntent.MedicalAdvice ? phrases.MedicalAdvice : MemoryAnswers.Answer(question, string.Join(" ", questions), chinese, known, phrases));
        }
        else if (question.Intent is FallbackIntent.Other or FallbackIntent.UnknownAboutUser
            && FallbackSubjects.Matching(string.Join(" ", questions), known, chinese) is { Count: > 0 } about)
        {
            // No question form matched, but a remembered fact is about exactly what was asked ("where's my spare key?").
            parts.Add(MemoryAnswers.Sentences(about, phrases));
        }

        if (parts.Count > 0)
        {
            return string.Join(phrases.SentenceSeparator, parts);
        }

        var withName = name is null ? string.Empty : phrases.NameSeparator + name;
        if ((chinese ? ZhHowAreYou : EnHowAreYou).IsMatch(text))
        {
            return Format(phrases.HowAreYou, string.Empty, withName);
        }

        return question.Intent switch
        {
            FallbackIntent.UnknownAboutUser => phrases.DontKnow,
            FallbackIntent.Other => phrases.OtherQuestion,
            _ when (chinese ? ZhWorry : EnWorry).IsMatch(text) => phrases.Worry,
            _ => Social(text, chinese, withName, phrases) ?? Acknowledgement(text, withName, phrases),
        };
    }

    // What was just said counts as known: "I'm Alice. What's my name?" is answered from this turn.
    private static List<MemoryFact> Known(MemoryContext memory, IReadOnlyList<ExtractedFact> learned)
    {
        var fresh = learned
            .Select(f => new MemoryFact(FactIdentity.IdFor(string.Empty, f), string.Empty, f.Text, f.Kind, f.Key, string.Empty, DateTimeOffset.MaxValue, DateTimeOffset.MaxValue))
            .ToList();
        var freshKeys = fresh.Where(f => f.Key is not null).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        return fresh.Concat(memory.AllFacts.Where(f => f.Key is null || !freshKeys.Contains(f.Key))).ToList();
    }

    private static string Acknowledge(IReadOnlyList<ExtractedFact> learned, string? knownName, FallbackPhrases phrases)
    {
        var parts = new List<string>(2);
        var nameFact = learned.FirstOrDefault(f => f.Key == FactKeys.Name);
        var newName = nameFact is null ? null : MemoryAnswers.NameIn(nameFact.Text);
        var sameName = newName is not null && string.Equals(newName, knownName, StringComparison.OrdinalIgnoreCase);
        if (newName is not null)
        {
            parts.Add(Format(sameName ? phrases.SameName : phrases.NiceToMeet, newName));
        }

        var others = learned.Where(f => f.Key != FactKeys.Name).ToList();
        if (others.Count > 0)
        {
            var mentions = others.Take(2).Select(f => FactPhrasing.LowerFirst(FactPhrasing.ToSecondPerson(f.Text)));
            var ending = others.Count > 2 ? phrases.WillRememberMore : phrases.FullStop;
            parts.Add(phrases.WillRemember + string.Join(phrases.WillRememberJoin, mentions) + ending);
        }
        else if (newName is not null && !sameName)
        {
            parts.Add(phrases.RememberName);
        }

        return string.Join(phrases.SentenceSeparator, parts);
    }

    private static string? Social(string text, bool chinese, string withName, FallbackPhrases phrases)
    {
        if ((chinese ? ZhGoodNight : EnGoodNight).IsMatch(text))
        {
            return Format(phrases.GoodNight, string.Empty, withName);
        }

        if ((chinese ? ZhGoodbye : EnGoodbye).IsMatch(text))
        {
            return Format(phrases.Goodbye, string.Empty, withName);
        }

        if ((chinese ? ZhThanks : EnThanks).IsMatch(text))
        {
            return Format(phrases.Thanks, string.Empty, withName);
        }

        var greeting = (chinese ? ZhGreeting : EnGreeting).Match(text);
        if (!greeting.Success)
        {
            return null;
        }

        var said = greeting.Groups["s"].Value.ToLowerInvariant();
        var salutation = chinese
            ? said switch
            {
                "早安" or "早上好" => "早上好",
                "上午好" or "中午好" or "下午好" or "晚上好" => said,
                _ => "你好",
            }
            : said switch
            {
                "good morning" or "morning" => "Good morning",
                "good afternoon" => "Good afternoon",
                "good evening" or "evening" => "Good evening",
                _ => "Hello",
            };
        return Format(phrases.Greeting, salutation, withName);
    }

    // The same words always get the same reply (replays stay identical), yet replies vary across turns.
    private static string Acknowledgement(string text, string withName, FallbackPhrases phrases)
    {
        var seed = 0u;
        foreach (var c in text)
        {
            seed = (seed * 31) + c;
        }

        var template = phrases.Acknowledgements[(int)(seed % (uint)phrases.Acknowledgements.Count)];
        return Format(template, string.Empty, withName);
    }

    private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
