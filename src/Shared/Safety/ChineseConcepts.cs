using System.Text.RegularExpressions;
using static VoiceMemory.Safety.LexiconLanguage;
using static VoiceMemory.Safety.SafetyCategories;

namespace VoiceMemory.Safety;

/// <summary>
/// Chinese crisis screening by composition, as <see cref="EnglishConcepts"/>: a signal (desire, intent, plan,
/// rumination, an attempt) joined within a few characters to a concept (death, a method, self-harm, a lethal act on a
/// person), with the speaker (or no one: Chinese drops the subject) as subject and no negation before the signal;
/// danger from others joins another person as the agent to a harm, threat or stalking act aimed at the speaker.
/// </summary>
internal static partial class ChineseConcepts
{
    // Up to eight characters between a signal and its concept: no negation, no other person, no sentence break.
    private const string Gap = "(?:(?![不没别他她你]|被(?!车))[^,，、 ]){0,8}?";

    // Desire, intent, plan, rumination, research or an attempt; not after 得/到 ("困得要死", "累到想死" are hyperbole).
    private const string Signal =
        "(?<![得到]我?)(?:真的好想|真的很想|真的想|一直想|总是想|老是想|一直在想|在想|好想|很想|真想|只想|就想|总想|想要|想好了|想过|想着|想" +
        "|恨不得|巴不得|希望|宁愿|盼着|但愿|要|打算|准备好了|准备|计划好了|计划好|计划|决定|下定决心|已经决定|一定要" +
        "|查了|查过|在查|查|搜了|搜|试过|尝试过|试着|选好了|挑好了|定好了|就该|应该|活该|只配|还不如" +
        "|(?:今天晚上|明天晚上|今晚|今天|明天|晚上|马上|这周末?|下周|等会儿?|一会儿|待会儿?)(?:就要|就去|就|要|去))";

    // Death and its methods; 死 not after an adjective ("热死了", "难死了", "笑死") nor before a person ("想死你了").
    private const string Death =
        "(?:死掉|去死|自杀|紫砂|轻生|寻死|自尽|结束(?:我自己的|自己的|我的)?(?:生命|性命)|结束这一切|了结(?:自己|生命|此生)?|一了百了" +
        "|跳楼|跳河|跳江|跳海|跳桥|跳崖|跳下去|往下跳|上吊|割腕|割手腕|割脉|烧炭|卧轨|服毒|喝农药|吃(?:下|掉)?(?:所有|全部|一整瓶|整瓶|一瓶)" +
        "|一次(?:全部|性)?吃(?:完|掉|下)|(?:再也)?不(?:要|想)?醒(?:来|过来)|醒不过来|一睡不醒|永远消失|被车撞死" +
        "|(?<![热累饿冷困烦难气笑吓忙渴痛疼愁闷丑美帅香好酸甜辣吵挤晒憋羡馋急臭胎捅砍打弄毒掐勒撞杀])死(?![你您他她它人党心机板忠角定磕]|腹中)(?!了(?:你|您|他|她))(?!的(?:人|故事)))";

    private const string Person =
        "(?:他们|她们|他|她|那个人|那些人|这些人|邻居|老板|上司|领导|同事|同学|老师|房东|室友|前妻|前夫|前任|老婆|老公|妻子|丈夫|男朋友|女朋友|男友|女友" +
        "|我(?:的)?(?:妈妈?|爸爸?|哥哥?|姐姐?|弟弟?|妹妹?|家人|孩子|儿子|女儿|邻居|老板|同事|室友|老公|老婆|前任|继父|继母)|他全家|她全家|所有人|别人" +
        "|(?:那个|那些|这个|这些)[^,，]{0,8}的(?:人|家伙|混蛋)|人)";

    private const string Lethal = "(?:杀了|杀死|杀掉|弄死|打死|砍死|捅死|毒死|掐死|勒死|撞死|干掉|宰了|做掉|砍了|捅了|杀|砍|捅|伤害|揍|暴打|毒打|打残|打伤)";

    // Someone other than the speaker, as the agent of a harm.
    private const string Agent =
        "(?:他们|她们|他|她|有人|有个(?:男|女)?(?:的|人)|那个人|我?(?:的)?(?:老公|老婆|丈夫|妻子|男朋友|女朋友|男友|女友|前夫|前妻|前男友|前女友|前任" +
        "|爸爸|爸|妈妈|妈|继父|继母|后爸|后妈|哥哥|哥|弟弟|儿子|公公|婆婆|邻居|房东))";

    private const string Often = "(?:又|经常|一直|总是|老是|天天|每天|昨晚|昨天|今天|刚才|刚刚|还|也|喝醉了就|一喝酒就|一生气就|动不动就)*";

    /// <summary>The composed rules; see the type's summary.</summary>
    public static readonly LexiconRule[] UserInput =
    [
        LexiconRule.Create("zh.concept.signal-death", Chinese, SelfHarm, 6, SignalDeathPattern(), firstPerson: true),
        LexiconRule.Create("zh.concept.wish-if", Chinese, SelfHarm, 4, WishIfPattern(), negatable: false),
        LexiconRule.Create("zh.concept.attempt", Chinese, SelfHarm, 6, AttemptPattern(), firstPerson: true),
        LexiconRule.Create("zh.concept.self-harm", Chinese, SelfHarm, 5, SelfHarmPattern(), firstPerson: true),
        LexiconRule.Create("zh.concept.means-ready", Chinese, SelfHarm, 6, MeansReadyPattern(), firstPerson: true),
        LexiconRule.Create("zh.concept.farewell", Chinese, SelfHarm, 6, FarewellPattern(), negatable: false),
        LexiconRule.Create("zh.concept.burden", Chinese, SelfHarm, 4, BurdenPattern(), firstPerson: true),
        LexiconRule.Create("zh.concept.harm-person", Chinese, Violence, 5, HarmPersonPattern(), firstPerson: true),
        LexiconRule.Create("zh.danger.harmed", Chinese, Danger, 6, DangerHarmedPattern()),
        LexiconRule.Create("zh.danger.threatened", Chinese, Danger, 7, DangerThreatenedPattern()),
        LexiconRule.Create("zh.danger.stalked", Chinese, Danger, 5, DangerStalkedPattern()),
        LexiconRule.Create("zh.danger.intruder", Chinese, Danger, 6, DangerIntruderPattern(), negatable: false),
    ];

    [GeneratedRegex($"{Signal}{Gap}{Death}", LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SignalDeathPattern();

    // "要是我从来没有出生就好了": a wish told as a condition.
    [GeneratedRegex(
        "(?:要是|如果|假如|但愿)我[^,，]{0,6}(?:出生|死了|死掉|不在了|消失|醒不过来|没醒来|不醒)[^,，]{0,4}(?:就好了|多好|就解脱了|也好|也行|也没关系)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex WishIfPattern();

    // An attempt or an overdose, past or just now (C-SSRS past behaviour).
    [GeneratedRegex(
        "(?:自杀|上吊|割腕|跳楼|跳河|烧炭|吃药)过|自杀未遂|(?:试过|尝试过?)(?:去)?(?:自杀|上吊|割腕|跳楼|跳河|烧炭|吃药|结束)" +
            "|(?:吃|吞)(?:了|下|下了)?(?:一瓶|整瓶|一整瓶|\\d+片|[一二三四五六七八九十几两]+十?片|好多|很多|一把|一大把)(?:的)?(?:安眠)?药",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex AttemptPattern();

    // Self-harm done by the speaker: the act names its target (自己), so no signal is needed.
    [GeneratedRegex(
        "(?:用[^,，]{1,4})?(?:烫|割|划|伤害|掐|烧)(?:伤)?自己|(?:又|还在|一直在|开始)(?:自残|自伤|割)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex SelfHarmPattern();

    // Preparatory acts: means bought, saved up, set out or in hand; the speaker at a height.
    [GeneratedRegex(
        "买(?:了|好了)?(?:一些|很多|一捆)?(?:炭|木炭|绳子|刀片|老鼠药|农药|安眠药)|攒(?:了|够了?)?(?:很多|好多|一些)?(?:安眠)?药" +
            "|(?:药|刀|绳子|刀片)(?:已经)?(?:摆|放)在(?:我)?(?:面前|桌上|旁边)|(?:刀|药|绳子|刀片)(?:已经)?(?:拿|握)在(?:我)?手(?:上|里)" +
            "|站在(?:楼顶|天台|桥上|窗台|楼上|阳台边)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex MeansReadyPattern();

    // Farewells and a stated end: the negation belongs to the meaning ("我不会活过今晚").
    [GeneratedRegex(
        "最后一次(?:跟|和|对)?你(?:说话|聊天|说)|永别了|不会活过|活不过(?:今晚|明天|今天|这周)|(?<!(?:他|她|主角|人物|角色)[^,，]{0,6})(?:写好了?|写了|留下|留了)(?:一封)?遗书" +
            "|(?:跟|向|和)(?:所有人|大家|家人|每个人|这个世界)(?:都)?(?:告别|道别|说再见)|再见了[^,，]{0,4}谢谢" +
            "|送人了?[^,，]{0,8}用不(?:着|上)|以后(?:都)?用不(?:着|上)了",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex FarewellPattern();

    // A burden; the world better without the speaker; death as the only relief (warning signs).
    [GeneratedRegex(
        "我(?:就)?是(?:大家|家人|家里|所有人|别人)?的?(?:累赘|负担|拖累)|我活着(?:就是|只会)(?:拖累|连累|麻烦)" +
            "|(?:少了我|没有我)[^,，]{0,8}(?:更好|更轻松|更开心)|只有死(?:了)?才(?:能)?(?:解脱|结束)|死(?:了)?才是(?:解脱|唯一)|死是唯一" +
            "|活着(?:真的?|根本)?没(?:有)?(?:任何)?(?:意义|意思)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex BurdenPattern();

    // Harm to others: a signal joined to a lethal act on a person, or a person put under one ("把他打死").
    [GeneratedRegex(
        $"{Signal}[^,，不没]{{0,6}}?(?:{Lethal}{Person}|把{Person}(?:都|全)?(?:{Lethal})|(?:在|给){Person}的?(?:饭|水|饮料|酒|菜|杯子)里?下毒|带(?:刀|枪|炸药)去(?:学校|公司|医院|商场))",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex HarmPersonPattern();

    // Danger from others: a person hurts, confines or abuses the speaker.
    [GeneratedRegex(
        $"{Agent}{Often}(?:打|揍|踢|掐|烫|强迫|强奸|性侵|虐待|家暴|推|扇|砍|捅|勒)(?:了|过)?我(?!们队)|{Agent}{Often}(?:把我|对我)(?:锁|关|动手)" +
            $"|我(?:又|经常|一直)?(?:被|让)[^,，]{{0,4}}?(?:打|家暴|强奸|性侵|虐待|掐|锁|关|威胁|打伤)|{Agent}打(?:的伤|伤的|出来的)|身上都是[^,，]{{0,4}}伤",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerHarmedPattern();

    // Danger from others: a threat to kill or hurt the speaker, or the fear of it.
    [GeneratedRegex(
        $"{Agent}(?:又|还|一直)?(?:说|威胁|扬言|发消息说|放话)[^,，]{{0,10}}?(?:杀了|弄死|打死|砍死|捅死|杀|弄|打|砍)(?:死)?(?:我|我们|孩子)" +
            $"|{Agent}(?:又|还|一直)?(?:说|威胁|扬言)[^,，]{{0,6}}?把我[^,，]{{0,4}}?(?:杀了|弄死|打死|砍死)" +
            $"|(?:怕|害怕|担心)[^,，]{{0,6}}?{Agent}[^,，]{{0,4}}?(?:会|要)?(?:杀了|打死|弄死|砍死|杀|打|砍|捅)我",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerThreatenedPattern();

    // Danger from others: stalking.
    [GeneratedRegex(
        $"{Agent}{Often}(?:跟踪|尾随|监视|跟着)我|我被(?:人|他|她|{Agent})?(?:跟踪|尾随|监视)|{Agent}{Often}(?:到|在)我(?:家|公司|学校)(?:门口|楼下)?(?:堵|等)我" +
            $"|在我家楼下等我|在我(?:车|手机)上装了(?:定位|追踪)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerStalkedPattern();

    // Danger from others, now: armed at the door, a break-in, hiding.
    [GeneratedRegex(
        "(?:拿着|带着)(?:刀|枪|棍子|斧头)在我家|(?:有人|他|她)闯进(?:了)?(?:我家|家里|我的房间)|我躲在(?:柜子|衣柜|厕所|卫生间|床底)",
        LexiconRule.Options, LexiconRule.TimeoutMilliseconds)]
    private static partial Regex DangerIntruderPattern();
}
