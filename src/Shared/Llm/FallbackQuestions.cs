using System.Text.RegularExpressions;
using VoiceMemory.Memory;

namespace VoiceMemory.Llm;

/// <summary>Recognises the questions about remembered facts that the fallback responder can answer, in English and Chinese.</summary>
internal static class FallbackQuestions
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private static readonly string Rel = "(?<rel>" + EnglishLexicon.RelationAlternation + ")";

    private static readonly Regex EnEverything = R(@"\bwhat\s+(?:else\s+)?(?:do|did)\s+you\s+(?:know|remember)(?:\s+about\s+me)?\b|\bwhat\s+have\s+i\s+told\s+you\b|\btell\s+me\s+what\s+you\s+(?:know|remember)\b|\bdo\s+you\s+remember\s+me\b|\bwhat\s+you\s+(?:know|remember)\s+about\s+me\b");
    private static readonly Regex EnAdvice = R(@"\b(?:dose|dosage|overdose|side\s+effects?|should\s+i\s+(?:take|stop|increase|double|skip|reduce|change)|how\s+(?:much|many)\b.*\b(?:should|can|may)\b|is\s+it\s+(?:safe|ok|okay)\s+to\s+(?:take|mix|drink|eat|stop)|can\s+i\s+(?:take|mix|stop|drink)|what\s+(?:should|can)\s+i\s+take\s+for|do\s+i\s+need\s+(?:a|to\s+see\s+a)\s+doctor|diagnos)");
    private static readonly Regex EnName = R(@"\bmy\s+(?:first\s+|full\s+|real\s+)?name\b|\bwho\s+am\s+i\b|\bwho\s+i\s+am\b|\bwhat\s+am\s+i\s+called\b|\b(?:what|how)\s+(?:do|does|did|should|would|will|can|shall)\s+(?:you|people|they|everyone|everybody|my\s+friends|friends)\s+(?:(?:usually|always|all)\s+)?(?:call|address)\s+me\b");
    private static readonly Regex EnAge = R(@"\bhow\s+old\s+(?:am|was|did|do)\s+i\b|\bhow\s+old\s+i\s+(?:am|was)\b|\bwhat\s+age\s+(?:am|was)\s+i\b|\bmy\s+age\b");

    // "where do I live", "where am I living now", "what town do I live in", "where did I grow up", "where's home for me".
    private static readonly Regex EnHome = R(@"\bwhere\s+(?:do|did|am|was)\s+i\s+(?:\w+\s+)?(?:live|living|from|come\s+from|grow\s+up|born)\b|\bwhere\s+i\s+(?:live|am\s+from|come\s+from)\b|\b(?:town|city|village|country|place|area|county|state|part\s+of\s+\w+)\s+(?:do|did|am)\s+i\s+(?:\w+\s+)?(?:live|living|from|come\s+from|grow\s+up)\b|\bwhere(?:'s|\s+is)\s+home\b|\bhome\s+for\s+me\b|\bmy\s+(?:home\s*town|home|address)\b(?!\s+(?:phone|number|key))");
    private static readonly Regex EnJob = R(@"\bmy\s+(?:job|profession|occupation|career|employer|workplace|line\s+of\s+work)\b|\bwhere\s+(?:do|did)\s+i\s+(?:\w+\s+)?work\b|\bwhat\s+(?:do|did)\s+i\s+do\s*(?:for\s+(?:a\s+)?(?:living|work|job)\b|before\b|$)|\b(?:work|job)\s+(?:do|did)\s+i\s+(?:do|have)\b|\bfor\s+a\s+living\b|\bbefore\s+i\s+retired\b");
    private static readonly Regex EnAllergies = R(@"\ballerg");
    private static readonly Regex EnMedication = R(@"\b(?:medications?|medicines?|meds|pills|tablets|drugs|prescriptions?|inhalers?|take|use)\b|\bam\s+i\s+on\b");
    private static readonly Regex EnHealth = R(@"\b(?:medications?|medicines?|meds|pills|tablets|drugs|prescriptions?)\b|\bwhat\s+do\s+i\s+take\b|\b(?:health|medical)\s+(?:conditions?|problems?|issues?)\b|\bmy\s+(?:health|conditions?|illness(?:es)?)\b|\bconditions?\b|\billness(?:es)?\b|\bdiseases?\b|\bwrong\s+with\s+(?:me|my)\b");
    private static readonly Regex EnRelationBirthday = R(@"\bmy\s+" + Rel + @"(?:'s|s)?\s+birthday\b");
    private static readonly Regex EnBirthday = R(@"\bmy\s+birthday\b|\bwhen\s+was\s+i\s+born\b");
    private static readonly Regex EnFavourite = R(@"\bmy\s+(?:favou?rite|fave)\s+(?<t>[\p{L}][\p{L}\s]{0,30}?)\s*(?:\?|$|\bis\b)");

    // By category too: "what foods do I dislike?", "is there any food I don't like?", "what don't I eat?".
    private static readonly Regex EnDislikes = R(@"\bwhat\s+(?:\w+\s+){0,3}?(?:do|did)\s+i\s+(?:really\s+)?(?:hate|dislike|detest|loathe|avoid|not\s+(?:like|eat|drink|enjoy|love))\b|\bwhat\s+(?:\w+\s+){0,3}?(?:don'?t|didn'?t)\s+i\s+(?:like|eat|drink|enjoy|love)\b|\b(?:anything|any\s+\w+|something|things?)\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|can'?t|cannot)\s+(?:like|eat|drink|stand|enjoy)\b|\bmy\s+dislikes\b|\bwhat\s+can'?t\s+i\s+stand\b");
    private static readonly Regex EnLikesThing = R(@"^(?:do|don't)\s+i\s+(?:like|love|enjoy)\s+(?<o>.+?)\s*\??$");
    private static readonly Regex EnLikes = R(@"\bwhat\s+(?:\w+\s+){0,3}?(?:do|did)\s+i\s+(?:really\s+)?(?:like|love|enjoy|adore)\b|\bmy\s+(?:hobbies|hobby|interests|likes|pastimes)\b|\bwhat\s+(?:\w+\s+){0,3}?am\s+i\s+(?:into|fond\s+of|keen\s+on|a\s+fan\s+of)\b|\bhobbies\b");
    private static readonly Regex EnRelation = R(@"\b(?:my|our)\s+(?:(?<adj>" + EnglishLexicon.RelationAdjectives + @")\s+)?" + Rel + @"\b|\bdo\s+(?:i|we)\s+have\s+an?\s+" + Rel + @"\b");
    private static readonly Regex EnEvents = R(@"\b(?:appointments?|plans|schedule|diary|calendar)\b|\bwhat(?:'s|\s+is)\s+(?:on|happening)\b|\bwhat\s+am\s+i\s+doing\b|\bwhat\s+do\s+i\s+have\s+(?:on|tomorrow|today|tonight|this|next)\b");
    private static readonly Regex EnWhen = R(@"\bwhen\b|\bwhat\s+(?:day|date|time)\b");
    private static readonly Regex EnAboutUser = R(@"\b(?:my|our)\b|\b(?:am|do|did|have|was|were|are)\s+(?:i|we)\b");

    private static readonly Regex ZhEverything = R(@"你(?:都|还)?(?:记得|知道)(?:关于)?我(?:的)?(?:什么|哪些|些什么|啥)|关于我你(?:都)?(?:记得|知道)(?:什么|些什么|哪些)|你(?:都)?记得(?:什么|哪些|些什么)|你还记得我吗");
    private static readonly Regex ZhAdvice = R(@"吃多少|剂量|副作用|能不能吃|可以吃.*吗|该吃什么药|要不要吃药|能不能停|可以停药|诊断");
    private static readonly Regex ZhName = R(@"我叫什么|我的名字|我叫啥|我是谁|你(?:知道|记得)我叫|(?:怎么|如何)(?:称呼|叫)我|叫我什么");
    private static readonly Regex ZhAge = R(@"我(?:今年|现在)?(?:多大|几岁|多少岁)|我的年龄|我(?:今年)?多大(?:岁数|年纪)");
    private static readonly Regex ZhHome = R(@"我(?:现在)?(?:住|家)(?:在)?(?:哪|什么地方)|我(?:的)?(?:老家|家乡)(?:在)?(?:哪|是哪)|我是哪(?:里|儿)?人|我(?:是)?(?:来自|从)哪|我(?:现在)?(?:生活|居住)在(?:哪|什么)|我家(?:现在)?在哪");
    private static readonly Regex ZhJob = R(@"工作|职业|上班|干什么的|做什么的|干啥的|干嘛的|做啥的");
    private static readonly Regex ZhAllergies = R(@"过敏");
    private static readonly Regex ZhHealth = R(@"(?:吃|用|服|打)\S{0,3}?(?:什么|哪些|啥)药|什么药|我有什么病|我的(?:病|药|身体|健康)|毛病|疾病|慢性病|健康问题|什么病");
    private static readonly Regex ZhRelationBirthday = R(@"我(?:的)?(?<rel>" + ChineseLexicon.RelationAlternation + @")(?:的)?生日");
    private static readonly Regex ZhBirthday = R(@"我的生日|我(?:是)?(?:哪天|什么时候|哪年|几月几号)(?:出生|生日|生的)|我(?:什么时候|哪天)过生日|我生日");
    private static readonly Regex ZhFavourite = R(@"我最(?:喜欢|爱)的(?<t>[^，。！？?\s]{1,6}?)是|我最(?:喜欢|爱)(?:的)?(?:什么|啥|哪(?:种|个|首|本|部|道|位|件|样|支|家))(?<t>[^，。！？?\s吗呢]{1,4})");
    private static readonly Regex ZhDislikes = R(@"我(?:不|不太|不怎么)(?:喜欢|爱)\S{0,3}?(?:什么|啥|哪些|哪种)|我讨厌\S{0,3}?(?:什么|啥|哪些)|我受不了\S{0,2}?(?:什么|啥)|我不(?:吃|喝)(?:什么|啥)|我不(?:喜欢|爱)的|是我不(?:喜欢|爱)");
    private static readonly Regex ZhLikes = R(@"我(?:喜欢|爱)\S{0,3}?(?:什么|啥|哪些)|我(?:的)?(?:爱好|兴趣)|什么爱好|啥爱好");
    private static readonly Regex ZhLikesThing = R(@"^我喜欢(?<o>[^，。！？?\s]{1,12}?)吗[？?]?$");
    private static readonly Regex ZhRelation = R(@"我(?:的|家的?|们家的?)?(?<rel>" + ChineseLexicon.RelationAlternation + @")(?:叫|是谁|的名字|是什么)");
    private static readonly Regex ZhEvents = R(@"安排|预约|计划|日程|(?:明天|今天|后天|下周|周末).*(?:什么|啥|干嘛)|我(?:明天|今天|下周).*(?:要|有)什么");
    private static readonly Regex ZhWhen = R(@"什么时候|哪天|哪一天|几号|几点|几月");
    private static readonly Regex ZhAboutUser = R(@"我");

    /// <summary>The subject of a health question about medicines rather than conditions.</summary>
    public const string Medication = "medication";

    private static Regex R(string pattern) => new(pattern, Options, Timeout);

    /// <summary>What the question clauses in <paramref name="text"/> ask about (the caller has found them to be questions).</summary>
    public static FallbackQuestion Recognise(string text, bool chinese) => chinese ? Chinese(text) : English(text);

    private static FallbackQuestion English(string text)
    {
        if (EnEverything.IsMatch(text))
        {
            return new(FallbackIntent.Everything);
        }

        if (EnAdvice.IsMatch(text))
        {
            return new(FallbackIntent.MedicalAdvice);
        }

        if (EnRelationBirthday.Match(text) is { Success: true } relationBirthday)
        {
            return new(FallbackIntent.Birthday, EnglishLexicon.CanonicalRelation(relationBirthday.Groups["rel"].Value));
        }

        if (EnFavourite.Match(text) is { Success: true } favourite)
        {
            return new(FallbackIntent.Favourite, favourite.Groups["t"].Value.Trim().ToLowerInvariant().Replace("color", "colour", StringComparison.Ordinal));
        }

        var simple = Simple(text, (EnName, FallbackIntent.Name), (EnAge, FallbackIntent.Age), (EnJob, FallbackIntent.Job), (EnHome, FallbackIntent.Home), (EnAllergies, FallbackIntent.Allergies), (EnHealth, FallbackIntent.Health), (EnBirthday, FallbackIntent.Birthday), (EnDislikes, FallbackIntent.Dislikes));
        if (simple.Intent == FallbackIntent.Health && EnMedication.IsMatch(text))
        {
            return new(FallbackIntent.Health, Medication);
        }

        if (simple.Intent != FallbackIntent.None)
        {
            return simple;
        }

        // "When is my granddaughter's wedding?" asks about an event, not about the granddaughter. "When is the
        // christening?" is not about the user by its words: it stays Other, and the responder still looks for a fact
        // about its subject before saying it cannot look that up.
        if (EnWhen.IsMatch(text) && EnAboutUser.IsMatch(text))
        {
            return new(FallbackIntent.When);
        }

        if (EnLikesThing.Match(text) is { Success: true } likesThing)
        {
            return new(FallbackIntent.Likes, likesThing.Groups["o"].Value.Trim());
        }

        if (EnLikes.IsMatch(text))
        {
            return new(FallbackIntent.Likes);
        }

        if (EnRelation.Match(text) is { Success: true } relation)
        {
            return new(FallbackIntent.Relation, EnglishLexicon.CanonicalRelation(relation.Groups["rel"].Value));
        }

        if (EnEvents.IsMatch(text))
        {
            return new(FallbackIntent.Events);
        }

        return new(EnAboutUser.IsMatch(text) ? FallbackIntent.UnknownAboutUser : FallbackIntent.Other);
    }

    private static FallbackQuestion Chinese(string text)
    {
        if (ZhEverything.IsMatch(text))
        {
            return new(FallbackIntent.Everything);
        }

        if (ZhAdvice.IsMatch(text))
        {
            return new(FallbackIntent.MedicalAdvice);
        }

        if (ZhRelationBirthday.Match(text) is { Success: true } relationBirthday)
        {
            return new(FallbackIntent.Birthday, ChineseLexicon.RelationKey(relationBirthday.Groups["rel"].Value));
        }

        if (ZhFavourite.Match(text) is { Success: true } favourite)
        {
            return new(FallbackIntent.Favourite, ChineseLexicon.FavouriteSubject(favourite.Groups["t"].Value));
        }

        var simple = Simple(text, (ZhName, FallbackIntent.Name), (ZhAge, FallbackIntent.Age), (ZhJob, FallbackIntent.Job), (ZhHome, FallbackIntent.Home), (ZhAllergies, FallbackIntent.Allergies), (ZhHealth, FallbackIntent.Health), (ZhBirthday, FallbackIntent.Birthday), (ZhDislikes, FallbackIntent.Dislikes));
        if (simple.Intent == FallbackIntent.Health && text.Contains('药', StringComparison.Ordinal))
        {
            return new(FallbackIntent.Health, Medication);
        }

        if (simple.Intent != FallbackIntent.None)
        {
            return simple;
        }

        if (ZhWhen.IsMatch(text) && ZhAboutUser.IsMatch(text))
        {
            return new(FallbackIntent.When);
        }

        if (ZhLikesThing.Match(text) is { Success: true } likesThing)
        {
            return new(FallbackIntent.Likes, likesThing.Groups["o"].Value);
        }

        if (ZhLikes.IsMatch(text))
        {
            return new(FallbackIntent.Likes);
        }

        if (ZhRelation.Match(text) is { Success: true } relation)
        {
            return new(FallbackIntent.Relation, ChineseLexicon.RelationKey(relation.Groups["rel"].Value));
        }

        if (ZhEvents.IsMatch(text))
        {
            return new(FallbackIntent.Events);
        }

        return new(ZhAboutUser.IsMatch(text) ? FallbackIntent.UnknownAboutUser : FallbackIntent.Other);
    }

    private static FallbackQuestion Simple(string text, params (Regex Pattern, FallbackIntent Intent)[] rules)
    {
        foreach (var (pattern, intent) in rules)
        {
            if (pattern.IsMatch(text))
            {
                return new(intent);
            }
        }

        return new(FallbackIntent.None);
    }
}
