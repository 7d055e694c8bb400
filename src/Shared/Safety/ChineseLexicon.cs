using System.Text.RegularExpressions;
using static VoiceMemory.Safety.LexiconLanguage;
using static VoiceMemory.Safety.SafetyCategories;

namespace VoiceMemory.Safety;

/// <summary>
/// Chinese (Simplified; Traditional is folded to Simplified by <see cref="SafetyText"/>) crisis and abuse patterns.
/// Chinese often drops the subject, so a frame without a subject counts as the speaker's own. Severity as in
/// <see cref="EnglishLexicon"/>.
/// </summary>
internal static partial class ChineseLexicon
{
    // Stated intent or a plan ("要", "会", "打算", "准备" …), optionally with a time ("今晚就要").
    private const string Plan =
        "(?:已经决定|下定决心|决定|打算|准备好了?|准备|计划|一定要|非要|想好了要|马上就?要|今晚就?要|今天就?要|明天就?要|就要|要|会)";

    // Desire. Not after 得/到: "热得想死", "累到想死" are hyperbole.
    private const string Want =
        "(?<![得到])(?:真的好想|真的很想|真的想|一直想|总是想|老是想|有点想|恨不得|巴不得|好想|很想|真想|只想|就想|超想|总想|想要|想)";

    private const string Time = "(?:今天|今晚|明天|马上|现在|一会儿|等下|晚上|这周末|周末)?(?:就)?(?:去)?";

    private const string SelfActs =
        "(?:自杀|轻生|寻死|自尽|结束(?:我自己的|自己的|我的)?(?:生命|性命)|了结(?:自己的生命|自己|生命|此生|余生)|结束这一切" +
        "|跳楼|跳河|跳江|跳海|跳桥|跳崖|上吊|割腕|割脉|烧炭|卧轨|服毒|喝农药" +
        "|(?:吃|吞)(?:下|掉)?(?:所有的?|全部的?|一整瓶|整瓶|一瓶)(?:的)?(?:安眠)?药|去死|一了百了)";

    private const string SelfHarmActs = "(?:伤害自己|自残|自伤|割自己|划自己|割伤自己|用刀划(?:自己|手)|拿刀割(?:自己|手))";

    // "想死" but not "想死你了" (miss you to death).
    private const string Die = "(?:死掉|死(?![你您他她它我人])(?!了(?:你|您|他|她|它|我)))";

    private const string Person =
        "(?:他们|她们|他|她|那个人|那个家伙|那家伙|那个混蛋|那个贱人|那个王八蛋|这个人|那些人|这些人|邻居|老板|上司|领导|同事|同学|老师" +
        "|房东|室友|前妻|前夫|前任|老婆|老公|妻子|丈夫|男朋友|女朋友|男友|女友" +
        "|我(?:的)?(?:妈妈?|爸爸?|哥哥?|姐姐?|弟弟?|妹妹?|家人|孩子|儿子|女儿|邻居|老板|同事|室友|老公|老婆|前任|继父|继母)" +
        "|他全家|她全家|全家|所有人|大家|每个人|别人)";

    private const string Lethal = "(?:杀了|杀死|杀掉|弄死|打死|砍死|捅死|毒死|掐死|勒死|干掉|宰了|做掉|砍了|捅了|杀|砍|捅)";
    private const string Harm = "(?:伤害|揍|暴打|毒打|打残|打伤)";

    private const string InsultNouns =
        "(?:傻逼|傻b|煞笔|傻瓜|白痴|弱智|智障|脑残|蠢货|蠢猪|笨蛋|废物|废柴|垃圾|贱人|贱货|婊子|混蛋|王八蛋|狗东西|畜生|杂种|猪头|神经病|人渣)";

    /// <summary>Abuse aimed at the companion or at others: screened in user input and in replies alike.</summary>
    public static readonly LexiconRule[] Abuse =
    [
        LexiconRule.Create("zh.abuse.profanity", Chinese, SafetyCategories.Abuse, 3, AbuseProfanityPattern(), negatable: false),
        LexiconRule.Create("zh.abuse.insult", Chinese, SafetyCategories.Abuse, 3, AbuseInsultPattern()),
        LexiconRule.Create("zh.abuse.belittle", Chinese, SafetyCategories.Abuse, 2, AbuseBelittlePattern()),
        LexiconRule.Create("zh.abuse.hostile", Chinese, SafetyCategories.Abuse, 2, AbuseHostilePattern()),
        LexiconRule.Create("zh.abuse.tell-to-die", Chinese, SafetyCategories.Abuse, 4, AbuseTellToDiePattern()),
        LexiconRule.Create("zh.abuse.threat-you", Chinese, SafetyCategories.Abuse, 4, AbuseThreatYouPattern(), firstPerson: true),
        LexiconRule.Create("zh.abuse.slur", Chinese, SafetyCategories.Abuse, 4, AbuseSlurPattern(), negatable: false),
    ];

    /// <summary>The user's own words: self-harm and suicide intent, threats to others, abuse.</summary>
    public static readonly LexiconRule[] UserInput =
    [
        // Suicide and self-harm.
        LexiconRule.Create("zh.self.plan", Chinese, SelfHarm, 6, SelfPlanPattern(), firstPerson: true),
        LexiconRule.Create("zh.self.want", Chinese, SelfHarm, 5, SelfWantPattern(), firstPerson: true),
        LexiconRule.Create("zh.self.harm-plan", Chinese, SelfHarm, 5, SelfHarmPlanPattern(), firstPerson: true),
        LexiconRule.Create("zh.self.harm-ongoing", Chinese, SelfHarm, 5, SelfHarmOngoingPattern(),
            firstPerson: true, unless: SelfHarmOngoingUnless()),
        LexiconRule.Create("zh.self.contemplate", Chinese, SelfHarm, 5, SelfContemplatePattern(), firstPerson: true),
        LexiconRule.Create("zh.self.means", Chinese, SelfHarm, 6, SelfMeansPattern(), firstPerson: true, requires: SelfMeansRequires()),
        LexiconRule.Create("zh.self.note", Chinese, SelfHarm, 6, SelfNotePattern(), firstPerson: true),

        // Passive ideation.
        LexiconRule.Create("zh.self.not-live", Chinese, SelfHarm, 4, SelfNotLivePattern(), firstPerson: true),
        LexiconRule.Create("zh.self.meaningless", Chinese, SelfHarm, 4, SelfMeaninglessPattern(), firstPerson: true),
        LexiconRule.Create("zh.self.better-dead", Chinese, SelfHarm, 4, SelfBetterDeadPattern(), firstPerson: true),
        LexiconRule.Create("zh.self.not-missed", Chinese, SelfHarm, 4, SelfNotMissedPattern()),

        // Threats to others.
        LexiconRule.Create("zh.violence.plan", Chinese, Violence, 6, ViolencePlanPattern(), firstPerson: true),
        LexiconRule.Create("zh.violence.want", Chinese, Violence, 5, ViolenceWantPattern(), firstPerson: true),
        LexiconRule.Create("zh.violence.harm", Chinese, Violence, 5, ViolenceHarmPattern(), firstPerson: true),
        LexiconRule.Create("zh.violence.mass", Chinese, Violence, 6, ViolenceMassPattern(), firstPerson: true),
        .. Abuse,
    ];

    /// <summary>A generated reply: encouragement of self-harm or violence, means and methods, abuse.</summary>
    public static readonly LexiconRule[] Reply =
    [
        LexiconRule.Create("zh.reply.encourage-self-harm", Chinese, SelfHarm, 6, ReplyEncourageSelfHarmPattern()),
        LexiconRule.Create("zh.reply.devalue", Chinese, SelfHarm, 5, ReplyDevaluePattern(), unless: ReplyDevalueUnless()),
        LexiconRule.Create("zh.reply.method", Chinese, SelfHarm, 6, ReplyMethodPattern()),
        LexiconRule.Create("zh.reply.encourage-violence", Chinese, Violence, 6, ReplyEncourageViolencePattern()),
        .. Abuse,
    ];

    [GeneratedRegex(
        "傻逼|煞笔|沙比|傻屄|操你妈|草你妈|操你大爷|草泥马|你妈逼|去你妈的?|你妈死了|死全家|滚蛋|滚出去|给我滚",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseProfanityPattern();

    [GeneratedRegex(
        $"你(?:这个|这种|就是个?|真是个?|简直是个?|是一个|就是一个|是个?|个|这)?{InsultNouns}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseInsultPattern();

    [GeneratedRegex(
        "你(?:真是|真|好|太|很|这么|那么|怎么这么|怎么那么)(?:蠢|笨|傻|没用|废|垃圾|恶心)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseBelittlePattern();

    [GeneratedRegex(
        "我(?:讨厌|恨|受够了)你",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseHostilePattern();

    [GeneratedRegex(
        "(?:你们|你怎么不|你)(?:赶紧|快点?|还是|最好|就)?(?:去死|死去吧|自杀吧|去自杀)|(?:^|,)(?:赶紧|快)?去死(?:吧)?(?:$|,)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseTellToDiePattern();

    [GeneratedRegex(
        $"(?:{Plan}|{Want}){Time}(?:{Lethal}|{Harm})你",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseThreatYouPattern();

    [GeneratedRegex(
        "黑鬼|支那|死基佬|尼哥|娘炮|小日本",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AbuseSlurPattern();

    [GeneratedRegex(
        $"{Plan}{Time}{SelfActs}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfPlanPattern();

    [GeneratedRegex(
        $"{Want}{Time}(?:{SelfActs}|{SelfHarmActs}|{Die})",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfWantPattern();

    [GeneratedRegex(
        $"{Plan}{Time}{SelfHarmActs}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmPlanPattern();

    [GeneratedRegex(
        $"我(?:一直|经常|又|还在|还是|总是|开始|最近|有时候?|偷偷)(?:在)?{SelfHarmActs}|(?:自残|自伤|割腕|割脉)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmOngoingPattern();

    [GeneratedRegex(
        "关于|有关|预防|防止|讲座|课程|宣传|新闻|报道|电影|纪录片|话题|研究|科普|文章",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmOngoingUnless();

    [GeneratedRegex(
        $"(?:想过|考虑过|想着|在考虑|有过)(?:要)?(?:{SelfActs}|{Die})|(?:自杀|轻生|想死|寻死)的(?:念头|想法|冲动)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfContemplatePattern();

    [GeneratedRegex(
        $"(?:{Plan}|{Want})(?:把(?:它们|这些药|药|它))?(?:全部|全都|都|一次性|一口气|一下子)(?:吃掉|吃下去|吃了|吞掉|吞下去|吞了|喝掉|喝下去)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansPattern();

    [GeneratedRegex(
        "安眠药|药片|药丸|止痛药|农药|老鼠药|毒药|药",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeansRequires();

    [GeneratedRegex(
        "(?:写好了?|写完了?|写了|在写|准备好了?|留了?|留下)(?:一封)?遗书",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotePattern();

    [GeneratedRegex(
        "不想(?:再)?(?:继续)?活(?:了|下去|着|啦)?(?![在到成得过])|活不下去|(?:永远|再也)不想(?:再)?醒(?:来|过来)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotLivePattern();

    [GeneratedRegex(
        "活着(?:真的?|好|太|也|还)?(?:没(?:有)?(?:意思|意义|劲|盼头)|没什么(?:意思|意义)|好累|太累|是一种(?:折磨|煎熬)|有什么(?:意思|意义|用)|还有什么(?:意思|意义|用))" +
            "|没有(?:活下去|活着)的(?:理由|意义|希望|动力)|没有理由(?:再)?活下去|找不到活下去的(?:理由|意义)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfMeaninglessPattern();

    [GeneratedRegex(
        "(?:还)?不如(?:死了|去死|死掉)(?:算了|好了|的好)?|(?<![热累饿冷困烦吵笑气忙渴痛疼吓臭])死了(?:算了|就好了|也好|倒好|就解脱了)" +
            "|(?:真|好)?想一了百了|希望(?:自己|我)(?:能)?(?:死掉|死了|去死|早点死|没有出生|从来没有出生|没出生过?|从没出生|永远不要醒来|一睡不醒|不要醒来|消失)" +
            "|要是我(?:死了|没出生)就好了|(?:想|好想|真想)(?:从这个世界上?|永远|彻底)消失",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfBetterDeadPattern();

    [GeneratedRegex(
        "我死了(?:也|都)?(?:没(?:有)?人|不会有人)(?:会)?(?:在乎|在意|难过|伤心|发现|想我|关心|知道)" +
            "|(?:没有人|没人|谁也不|谁都不)会(?:想念|想|在乎|在意|记得)我" +
            "|没有我(?:的话)?,?(?:大家|他们|家人|家里人|所有人|世界|这个世界|爸妈|父母)(?:都)?会(?:过得)?更好" +
            "|(?:如果|要是|假如)我死了,?(?:会有人|有人会|谁会|大家会|他们会|会不会有人)(?:难过|伤心|在乎|想我|在意|哭|发现)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfNotMissedPattern();

    [GeneratedRegex(
        $"{Plan}{Time}{Lethal}{Person}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolencePlanPattern();

    [GeneratedRegex(
        $"{Want}{Time}{Lethal}{Person}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceWantPattern();

    [GeneratedRegex(
        $"(?:{Plan}|{Want}){Time}{Harm}{Person}",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceHarmPattern();

    [GeneratedRegex(
        $"(?:{Plan}|{Want}){Time}(?:炸(?:掉|了|毁)?|烧(?:掉|了)|血洗|屠杀|报复)(?:整个|这个|那个|我们|我的)?(?:学校|公司|医院|商场|地铁|政府|大楼|教室|办公室|社会)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ViolenceMassPattern();

    [GeneratedRegex(
        "你(?:应该|就|干脆|还不如|不如|最好|赶紧|快|可以|就该|还是)(?:去)?(?:死掉|去死|死(?![心机板党忠角定磕])|自杀|轻生|结束(?:你的|你自己的|自己的)?生命|伤害自己|割腕|跳楼|上吊|自残)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyEncourageSelfHarmPattern();

    [GeneratedRegex(
        "没有你(?:的话)?,?(?:大家|他们|家人|所有人|世界|这个世界)(?:都)?会(?:过得)?更好|你(?:活着)?(?:没有|没)(?:任何)?(?:意义|价值)" +
            "|没有人会(?:想念|在乎|在意)你|你(?:活该|就该)(?:去)?死",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyDevaluePattern();

    [GeneratedRegex(
        "觉得|认为|感觉|以为|好像|似乎|想法|念头|不是真的|并不是",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyDevalueUnless();

    [GeneratedRegex(
        "(?:致死|致命)(?:剂量|量)(?:是|大约|约|为)|(?:最|比较)?(?:无痛|快|简单|有效|可靠|不痛苦)的?(?:自杀|死|轻生)(?:方法|方式|办法)" +
            "|怎么(?:样)?(?:自杀|上吊|割腕|烧炭)|(?:自杀|上吊|割腕|烧炭)的(?:方法|步骤|方式|办法)(?:是|有|如下)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyMethodPattern();

    [GeneratedRegex(
        $"你(?:应该|就|干脆|最好|赶紧|可以|就该)(?:去)?(?:{Lethal}|{Harm}){Person}|(?:他们|她们|他|她)(?:活该|就该|该)(?:去)?死|死有余辜",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex ReplyEncourageViolencePattern();
}
