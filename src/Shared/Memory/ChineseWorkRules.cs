using System.Text.RegularExpressions;

namespace VoiceMemory.Memory;

/// <summary>
/// Chinese rules for the user's work, keyed <see cref="FactKeys.Job"/>: where they work (我在银行工作, 我在医院当医生),
/// what they are or were (我是一名护士, 我退休前是老师: an occupation by its ending, 师 员 工 士 …), what they do for a
/// living (我是开出租车的) and 我的工作是….
/// </summary>
internal static class ChineseWorkRules
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private const string When = "(?:现在|以前|原来|过去|退休前|之前|年轻时|年轻的时候|一直|目前|曾经)?";
    private const string End = "(?=$|[，。！？,.!?；;\\s了]|我)";

    private static readonly Regex WorkAt = R("我" + When + @"(?:在|于)(?<p>[^，。！？,.!?；;\s]{1,12}?)(?:工作|上班|打工|做事|当(?<j>[^，。！？,.!?；;\s了]{1,6}?)" + End + ")");
    private static readonly Regex IAm = R("我" + When + @"(?:是|当过|做过|干过|当)(?:一名|一个|一位|名|个|位)?(?<j>[^，。！？,.!?；;\s的了]{1,8}?)" + End);
    private static readonly Regex DoFor = R("我" + When + @"是(?:做|开|教|卖|搞|修|跑|干|种)(?<j>[^，。！？,.!?；;\s]{1,8}?)的");
    private static readonly Regex MyJob = R(@"我的(?:工作|职业)(?:是|在)(?<j>[^，。！？,.!?；;\s]{1,12}?)" + End);

    // Endings that name an occupation: 老师 工程师 会计 护士 医生 司机 工人 农民 店员 经理 老板 厨子.
    private static readonly string[] Endings = ["师", "员", "工", "士", "生", "长", "匠", "官", "警", "计", "机", "民", "板", "理", "家", "手", "夫", "子", "主任", "记者", "作家"];
    private static readonly string[] NotWork = ["学生家长", "病人", "患者", "独生子", "孩子", "儿子", "老头子", "男子", "女子", "妻子", "样子", "日子", "本地人", "外地人"];

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant, Timeout);

    public static void Work(string body, List<ExtractedFact> found)
    {
        var match = WorkAt.Match(body);
        if (!match.Success)
        {
            match = DoFor.Match(body);
        }

        if (!match.Success)
        {
            match = MyJob.Match(body);
        }

        if (!match.Success && IAm.Match(body) is { Success: true } am && IsOccupation(am.Groups["j"].Value))
        {
            match = am;
        }

        if (match.Success)
        {
            found.Add(new ExtractedFact(FactPhrasing.ToChineseThirdPerson(match.Value), FactKind.Profile, FactKeys.Job));
        }
    }

    /// <summary>True when <paramref name="word"/> ends like an occupation and is not a person's family role.</summary>
    public static bool IsOccupation(string word) =>
        word.Length >= 2
        && !NotWork.Any(n => word.EndsWith(n, StringComparison.Ordinal))
        && !ChineseLexicon.Relations.Any(r => r.Key is not ("doctor" or "nurse" or "carer") && word.EndsWith(r.Word, StringComparison.Ordinal))
        && Endings.Any(e => word.EndsWith(e, StringComparison.Ordinal));
}
