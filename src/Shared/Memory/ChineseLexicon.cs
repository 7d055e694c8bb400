namespace VoiceMemory.Memory;

/// <summary>Word lists behind the Chinese extraction rules.</summary>
internal static class ChineseLexicon
{
    /// <summary>Relations and the key each one is stored under; longest first so 外孙女 wins over 外孙.</summary>
    public static readonly (string Word, string Key)[] Relations =
    [
        ("外孙女", "maternal-granddaughter"), ("外孙", "maternal-grandson"), ("孙女", "granddaughter"), ("孙子", "grandson"),
        ("女儿", "daughter"), ("儿子", "son"), ("儿媳妇", "daughter-in-law"), ("儿媳", "daughter-in-law"), ("女婿", "son-in-law"),
        ("妻子", "wife"), ("老婆", "wife"), ("太太", "wife"), ("媳妇", "wife"), ("丈夫", "husband"), ("老公", "husband"),
        ("先生", "husband"), ("老伴", "partner"), ("爱人", "partner"), ("姐姐", "older-sister"), ("妹妹", "younger-sister"),
        ("哥哥", "older-brother"), ("弟弟", "younger-brother"), ("妈妈", "mother"), ("母亲", "mother"), ("爸爸", "father"),
        ("父亲", "father"), ("奶奶", "grandmother"), ("外婆", "grandmother"), ("姥姥", "grandmother"), ("爷爷", "grandfather"),
        ("外公", "grandfather"), ("姥爷", "grandfather"), ("侄女", "niece"), ("侄子", "nephew"), ("外甥女", "niece"),
        ("外甥", "nephew"), ("好朋友", "best-friend"), ("朋友", "friend"), ("邻居", "neighbour"), ("保姆", "carer"),
        ("医生", "doctor"), ("护士", "nurse"), ("小狗", "dog"), ("狗", "dog"), ("小猫", "cat"), ("猫", "cat"),
    ];

    public static string RelationAlternation { get; } = string.Join('|', Relations.Select(r => r.Word).OrderByDescending(w => w.Length));

    public static string RelationKey(string word) => Relations.FirstOrDefault(r => r.Word == word).Key ?? FactKeys.Slug(word);

    /// <summary>Common surnames: 我是李建国 names the user, 我是护士 does not.</summary>
    public const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧";

    /// <summary>
    /// True when a surname and one or two characters after 我是 read as a name rather than a job, origin or condition
    /// (我是高血压 and 我是王老师 are not names).
    /// </summary>
    public static bool LooksLikeName(string candidate) =>
        !Conditions.Any(c => candidate.Contains(c, StringComparison.Ordinal))
        && !ChineseWorkRules.IsOccupation(candidate)
        && candidate[^1] is not ('人' or '的' or '者' or '们' or '家' or '里');

    /// <summary>Conditions after 我有 / 我患有 (a cold is not one).</summary>
    public static readonly string[] Conditions =
    [
        "糖尿病", "高血压", "低血压", "心脏病", "冠心病", "关节炎", "哮喘", "老年痴呆", "痴呆", "阿尔茨海默", "帕金森", "骨质疏松",
        "白内障", "青光眼", "抑郁症", "焦虑症", "失眠", "痛风", "中风", "高血脂", "高血糖", "癌症", "耳背", "听力不好", "心衰", "肾病",
    ];

    /// <summary>Endings that name a condition: 病 症 炎 癌 瘤.</summary>
    public static readonly char[] ConditionEndings = ['病', '症', '炎', '癌', '瘤'];

    /// <summary>Medicines, and endings that say "a medicine".</summary>
    public static readonly string[] Medicines = ["二甲双胍", "阿司匹林", "华法林", "胰岛素", "他汀", "降压药", "安眠药", "维生素", "钙片", "速效救心丸"];

    public static readonly char[] MedicineEndings = ['药', '片', '素', '丸', '针', '囊'];

    /// <summary>Favourite subjects stored under the same key as their English counterparts.</summary>
    public static string FavouriteSubject(string subject) => subject switch
    {
        "颜色" => "colour",
        "食物" or "菜" or "吃的" => "food",
        "歌" or "歌曲" => "song",
        "花" => "flower",
        "书" => "book",
        "电影" => "film",
        "运动" => "sport",
        "季节" => "season",
        "动物" => "animal",
        "饮料" or "喝的" => "drink",
        "水果" => "fruit",
        _ => subject,
    };

    public const string TimeWords = @"明天|后天|今天|今晚|今天晚上|明天早上|明天下午|明早|下周|下星期|下个月|下礼拜|这周|这个周末|周末|星期[一二三四五六日天]|周[一二三四五六日天]|礼拜[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}[日号]|\d{1,2}[点:：]|[一二三四五六七八九十]{1,3}点|每天|每周";

    // 要 / 打算 / 准备 with a time word is a plan: 我明天要交水电费, 我下周一要看眼科.
    public const string EventWords = @"要|打算|准备|眼科|牙科|结婚|婚礼|毕业|典礼|满月|出院|考试|演出|比赛|预约|看医生|看病|复查|体检|检查|手术|聚会|婚礼|约会|旅行|旅游|拜访|来看我|看望|来家里|见面|开会|医院|牙医|生日|派对|葬礼|出门|去|来|回来";
}
