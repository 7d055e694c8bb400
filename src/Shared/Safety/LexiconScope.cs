using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VoiceMemory.Safety;

/// <summary>
/// Decides whether a negation governs a match ("I would never hurt myself", "我不会自杀") and whether the
/// speaker is its subject. Both look only at the text before the match inside its clause.
/// </summary>
internal static partial class LexiconScope
{
    private const int EnglishWindow = 6;
    private static readonly char[] TokenSeparators = [' ', '\'', '"', '、'];

    private static readonly FrozenSet<string> EnglishNegators = FrozenSet.ToFrozenSet(
    [
        "not", "never", "nor", "neither", "nobody", "none", "nothing", "without", "hardly", "barely",
        "stop", "stopped", "stops", "stopping", "quit", "quitting", "avoid", "avoided", "avoiding",
        "refuse", "refused", "refusing", "against", "prevent", "prevented", "preventing", "resist", "resisted", "resisting",
    ]);

    // "no" opening a clause is an interjection ("no, I really want to …"), not a negation.
    private static readonly FrozenSet<string> AfterInterjectionNo = FrozenSet.ToFrozenSet(
    [
        "i", "you", "we", "he", "she", "they", "it", "please", "thanks", "thank", "yes", "no", "man", "dude",
        "sorry", "seriously", "really", "wait", "honestly", "okay", "ok", "but",
    ]);

    private static readonly FrozenSet<string> EnglishSubjects = FrozenSet.ToFrozenSet(["i", "we", "you", "he", "she", "they"]);
    private static readonly FrozenSet<string> EnglishAuxiliaries = FrozenSet.ToFrozenSet(
        ["would", "will", "could", "should", "shall", "do", "did", "can", "am", "might"]);

    /// <summary>True when a negation in <paramref name="before"/> governs the phrase that follows it.</summary>
    public static bool IsNegated(LexiconLanguage language, string before) =>
        language == LexiconLanguage.Chinese ? IsNegatedChinese(before) : IsNegatedEnglish(before);

    /// <summary>True when the nearest subject before the match is someone other than the speaker.</summary>
    public static bool HasOtherSubject(LexiconLanguage language, string before)
    {
        var (first, other) = language == LexiconLanguage.Chinese
            ? (ChineseFirstPerson(), ChineseOtherPerson())
            : (EnglishFirstPerson(), EnglishOtherPerson());
        return LastIndex(other, before) > LastIndex(first, before);
    }

    /// <summary>
    /// True when the text tells of a crisis as past and resolved ("years ago … but therapy helped", "以前自残过，已经十年没有了")
    /// and says nothing of it now ("again", "still", "tonight").
    /// </summary>
    public static bool IsResolvedPast(string text) =>
        ((EnglishPastTime().IsMatch(text) && EnglishRecovered().IsMatch(text)) || (ChinesePastTime().IsMatch(text) && ChineseRecovered().IsMatch(text)))
        && !StillNow().IsMatch(text);

    private static bool IsNegatedEnglish(string before)
    {
        var breaks = EnglishBreakers().Matches(before);
        var scope = breaks.Count == 0 ? before : before[(breaks[^1].Index + breaks[^1].Length)..];
        var tokens = EnglishNeutralized().Replace(scope, " ").Split(TokenSeparators, StringSplitOptions.RemoveEmptyEntries);

        // Only the verb phrase of the nearest subject counts ("nobody loves me, I want to die" is not negated);
        // an inverted auxiliary keeps its negation ("never would I …").
        var start = Math.Max(0, tokens.Length - EnglishWindow);
        var subject = Array.FindLastIndex(tokens, token => EnglishSubjects.Contains(token));
        if (subject >= start)
        {
            start = subject > 0 && EnglishAuxiliaries.Contains(tokens[subject - 1]) ? Math.Max(0, subject - 2) : subject + 1;
        }

        for (var i = start; i < tokens.Length; i++)
        {
            if (EnglishNegators.Contains(tokens[i]))
            {
                return true;
            }

            if (tokens[i] == "no" && (i + 1 >= tokens.Length || !AfterInterjectionNo.Contains(tokens[i + 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNegatedChinese(string before)
    {
        var trimmed = before.TrimEnd();
        return ChineseNegationEnd().IsMatch(ChineseFillers().Replace(trimmed, string.Empty)) || ChineseNegationEnd().IsMatch(trimmed);
    }

    private static int LastIndex(Regex pattern, string text)
    {
        var matches = pattern.Matches(text);
        return matches.Count == 0 ? -1 : matches[^1].Index;
    }

    [GeneratedRegex(@"\b(?:used to|years ago|a long time ago|when i was (?:a teenager|younger|little|a kid|a child|in (?:high school|college|school|my (?:teens|twenties)))" +
        @"|back in (?:college|high school|school|the day)|in my (?:teens|twenties|thirties)|as a (?:teen|teenager|kid))\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishPastTime();

    [GeneratedRegex(@"\b(?:but (?:now|therapy|i got help|i am (?:better|okay|ok|fine|safe|doing (?:better|well)))|(?:i am|i feel) (?:doing )?(?:much |so much |a lot )?(?:better|safe|happy|happier) now" +
        @"|(?:therapy|medication|treatment|counseling|counselling) helped|got help|\w+ (?:years?|months?) (?:clean|sober|free)|i left (?:him|her|them)|far behind me" +
        @"|how far i have come|(?:finally )?happy again|now i love it|i am over it|(?:the police|they) dealt with it)\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishRecovered();

    [GeneratedRegex("以前|曾经|小时候|(?:高中|初中|大学|上学)的时候|那时候|那几年|年前", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChinesePastTime();

    [GeneratedRegex("现在(?:好多了|好了|很好|很安全|很开心|没事了|挺好)|已经.{0,4}(?:没有了|没再|不会了)|(?:咨询|治疗|吃药)帮了我|帮助了我|走出来了|过去了", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseRecovered();

    [GeneratedRegex(@"\b(?:again|still|tonight|right now|these days|this week|lately)\b|又|还是想|还在|今晚|最近|现在又|现在还", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex StillNow();

    // A negation does not reach past these ("I do not know why, but I want to die").
    [GeneratedRegex(@",|\b(?:but|and|so|because|cause|though|although|yet|however|then|if|unless|when|while|until|except|or|before|after)\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishBreakers();

    // Negations that do not govern what follows them ("I can not stop thinking about …", "I am not okay").
    [GeneratedRegex(@"\b(?:can|could|would) not (?:stop|help|wait|bear|stand|take)\b" +
        @"|\bnot (?:know|sure|certain|understand|remember)\b(?: (?:why|if|whether|how|what|when|that))?" +
        @"|\bnot (?:okay|ok|fine|well|good|alright|happy|doing (?:well|good|okay|ok))\b" +
        @"|\bnot only\b|\bno matter\b|\bnever (?:felt|been) (?:so|this|more)\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishNeutralized();

    [GeneratedRegex(@"\b(?:i|me|my|myself)\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishFirstPerson();

    [GeneratedRegex(@"\b(?:you|your|he|she|they|we|him|her|his|them|their|our|us|someone|somebody|anyone|anybody|everyone|everybody|nobody" +
        @"|people|person|friends?|brother|sister|mom|mum|mother|dad|father|son|daughter|wife|husband|partner|boyfriend|girlfriend" +
        @"|kids?|child|children|students?|patients?|clients?|colleagues?|coworkers?|man|woman|guy|girl|boy|characters?|hero" +
        @"|protagonist|narrator|movie|film|book|novel|show|series|episode|song|story|article|documentary|play|news|teacher" +
        @"|doctor|therapist|neighbou?r|cousin|uncle|aunt|grandma|grandpa|grandmother|grandfather)\b", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex EnglishOtherPerson();

    // Words that may sit between a Chinese negation and the matched phrase ("不会", "没想过要").
    [GeneratedRegex("(?:再|会|是|敢|曾经|曾|真的|真|去|打算过|打算|想过|想|过|要|能|可能|愿意|用|必|可以|应该|就|也|都|还|有)+$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseFillers();

    [GeneratedRegex("(?:[不没别未勿莫甭]|没有)$", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseNegationEnd();

    [GeneratedRegex("我|俺|咱", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseFirstPerson();

    [GeneratedRegex("他们|她们|他|她|它|你们|你|朋友|同学|同事|家人|妈妈|妈|爸爸|爸|哥哥|哥|姐姐|姐|弟弟|弟|妹妹|妹|孩子|儿子|女儿|老公|老婆|丈夫|妻子" +
        "|男朋友|女朋友|男友|女友|电影|影片|电视剧|剧|书|小说|新闻|文章|角色|主角|人物|故事|歌|节目|课|讲座|有人|别人|大家|人们|学生|病人" +
        "|邻居|老师|网友|作者|主人公", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ChineseOtherPerson();
}
