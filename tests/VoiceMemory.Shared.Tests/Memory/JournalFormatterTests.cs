using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Memory;

public sealed class JournalFormatterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 15, 5, 0, TimeSpan.FromHours(1));

    [Fact]
    public void DayHeader_Day_IsoDateHeading()
    {
        Assert.Equal("# Journal — 2026-11-22", JournalFormatter.DayHeader("u1", new DateOnly(2026, 11, 22)));
    }

    [Fact]
    public void Entry_OrdinaryTurn_TimeUserReplyAndFactsAsNestedList()
    {
        var entry = JournalFormatter.Entry(
            At,
            "my name is alice and i am allergic to peanuts",
            new Reply("Nice to meet you, Alice.", ReplySource.Fallback),
            SafetyOutcome.Clear,
            [new ExtractedFact("The user's name is Alice", FactKind.Profile, FactKeys.Name), new ExtractedFact("The user is allergic to peanuts", FactKind.Health, null)],
            "en-US");

        Assert.Equal(
            "- **14:05 UTC**\n"
            + "  - **User:** my name is alice and i am allergic to peanuts\n"
            + "  - **Companion:** Nice to meet you, Alice.\n"
            + "  - **Learned:**\n"
            + "    - The user's name is Alice\n"
            + "    - The user is allergic to peanuts",
            entry);
    }

    [Fact]
    public void Entry_NoFacts_NoLearnedSection()
    {
        var entry = JournalFormatter.Entry(At, "hello", new Reply("Hello!", ReplySource.Llm), SafetyOutcome.Clear, [], "en-US");

        Assert.DoesNotContain("Learned", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_CrisisTurn_OnlyTheSafetyEventWithoutTheUsersWordsOrReply()
    {
        var entry = JournalFormatter.Entry(
            At,
            "i want to end it all tonight",
            new Reply("You can call or text 988.", ReplySource.Safety),
            new SafetyOutcome(true, SafetyCategories.SelfHarm, SafetyAction.CrisisReply),
            [new ExtractedFact("The user wants to end it all tonight", FactKind.Note, null)],
            "en-US");

        Assert.Equal("- **14:05 UTC** — Safety event: crisis support offered (self\\_harm)", entry);
        Assert.DoesNotContain("end it", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_ChineseCrisisTurn_LocalizedSafetyEventOnly()
    {
        var entry = JournalFormatter.Entry(At, "我不想活了", new Reply("请拨打 12356。", ReplySource.Safety), new SafetyOutcome(true, null, SafetyAction.CrisisReply), [], "zh-CN");

        Assert.Equal("- **14:05 UTC** — 安全事件：已提供危机支持（未分类）", entry);
    }

    [Fact]
    public void Entry_ChineseLocale_ChineseLabels()
    {
        var entry = JournalFormatter.Entry(At, "我叫小明", new Reply("你好，小明。", ReplySource.Fallback), SafetyOutcome.Clear, [new ExtractedFact("用户叫小明", FactKind.Profile, FactKeys.Name)], "zh-CN");

        Assert.Contains("**用户：** 我叫小明", entry, StringComparison.Ordinal);
        Assert.Contains("**陪伴：** 你好，小明。", entry, StringComparison.Ordinal);
        Assert.Contains("\n    - 用户叫小明", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_UserTextWithNewlinesHeadingsAndHtml_StaysOnOneEscapedLine()
    {
        var entry = JournalFormatter.Entry(
            At,
            "hi\n# Owned\r\n<!-- hidden --> [link](http://x) *bold* `code`",
            new Reply("Hello\n\n## Also owned", ReplySource.Llm),
            SafetyOutcome.Clear,
            [new ExtractedFact("- injected list\n# heading", FactKind.Note, null)],
            "en-US");

        var lines = entry.Split('\n');
        Assert.Equal(5, lines.Length);
        Assert.Equal("  - **User:** hi \\# Owned \\<\\!-- hidden --\\> \\[link\\](http://x) \\*bold\\* \\`code\\`", lines[1]);
        Assert.Equal("  - **Companion:** Hello \\#\\# Also owned", lines[2]);
        Assert.Equal("  - **Learned:**", lines[3]);
        Assert.Equal("    - \\- injected list \\# heading", lines[4]);
        Assert.DoesNotContain(lines, l => l.StartsWith('#') || l.Contains("<!--", StringComparison.Ordinal));
    }

    [Fact]
    public void Entry_FactStartingLikeAListOrNumber_Escaped()
    {
        var entry = JournalFormatter.Entry(At, "x", new Reply("y", ReplySource.Llm), SafetyOutcome.Clear, [new ExtractedFact("- a", FactKind.Note, null), new ExtractedFact("1. b", FactKind.Note, null)], "en-US");

        Assert.Contains("\n    - \\- a", entry, StringComparison.Ordinal);
        Assert.Contains("\n    - 1\\. b", entry, StringComparison.Ordinal);
    }

    [Fact]
    public void Entry_NoTranscript_SaysNothingWasHeard()
    {
        var entry = JournalFormatter.Entry(At, null, Reply.None, SafetyOutcome.Clear, [], "en-US");

        Assert.Equal("- **14:05 UTC**\n  - **User:** _(no words heard)_", entry);
    }

    [Fact]
    public void Entry_ReplacedReply_Marked()
    {
        var entry = JournalFormatter.Entry(At, "tell me something", new Reply("Let's talk about something else.", ReplySource.Safety), new SafetyOutcome(true, SafetyCategories.Hate, SafetyAction.Replaced), [], "en-US");

        Assert.Contains("_(reply replaced for safety)_", entry, StringComparison.Ordinal);
    }
}
