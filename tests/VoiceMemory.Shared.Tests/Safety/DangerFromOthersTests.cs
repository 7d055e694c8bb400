using Microsoft.Extensions.Options;
using Moq;
using VoiceMemory.Configuration;
using VoiceMemory.Llm;
using VoiceMemory.Safety;
using VoiceMemory.Tests.Workflow;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Safety;

/// <summary>A user threatened, hurt or stalked by someone is in a crisis too: emergency and abuse help, and memory keeps only the safety event.</summary>
public sealed class DangerFromOthersTests
{
    private readonly LexiconSafetyScreen _screen = new();

    private static SafetyMessages Messages(SafetyOptions? options = null) => new(Options.Create(options ?? new SafetyOptions()));

    [Theory]
    [InlineData("my husband says he'll kill me if i go to my sister's", "en-US")]
    [InlineData("My boyfriend hit me again tonight", "en-US")]
    [InlineData("i'm being followed home by a guy from work", "en-US")]
    [InlineData("我前夫说要打死我", "zh-CN")]
    [InlineData("我老公昨天又打我了", "zh-CN")]
    public void Screen_DangerFromOthers_IsACrisisOfItsOwnCategory(string text, string locale)
    {
        var verdict = _screen.Screen(text, locale, ScreenTarget.UserInput);

        Assert.True(verdict.IsCrisis);
        Assert.Equal(SafetyCategories.Danger, verdict.Category);
    }

    [Theory]
    [InlineData("my husband never hits me, we just argue")]
    [InlineData("my ex used to hit me but i left him years ago and i'm safe now")]
    [InlineData("my sister beat me at chess again")]
    public void Screen_NoDangerNow_IsNotACrisis(string text) =>
        Assert.False(_screen.Screen(text, "en-US", ScreenTarget.UserInput).IsCrisis);

    [Fact]
    public void DangerReply_EnUs_Names911AndTheDomesticViolenceHotline()
    {
        var reply = Messages().CrisisReply("en-US", SafetyCategories.Danger);

        Assert.Equal(ReplySource.Safety, reply.Source);
        Assert.Contains("911", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1-800-799-7233", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DangerReply_ZhCn_Names110And12338InChinese()
    {
        var reply = Messages().CrisisReply("zh-CN", SafetyCategories.Danger);

        Assert.Contains("110", reply.Text, StringComparison.Ordinal);
        Assert.Contains("12338", reply.Text, StringComparison.Ordinal);
        Assert.Contains("不是你的错", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DangerReply_ConfiguredPerLocale_UsesTheOperatorsWords()
    {
        var options = new SafetyOptions();
        options.DangerResources["fr-FR"] = "Appelez le 17 ou le 3919.";

        Assert.Contains("Appelez le 17 ou le 3919.", Messages(options).CrisisReply("fr-FR", SafetyCategories.Danger).Text, StringComparison.Ordinal);
        Assert.Contains("emergency number", Messages(options).CrisisReply("de-DE", SafetyCategories.Danger).Text, StringComparison.Ordinal);
        Assert.Contains("报警", Messages(options).CrisisReply("zh-TW", SafetyCategories.Danger).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SafetyCategories.SelfHarm)]
    [InlineData(SafetyCategories.Violence)]
    [InlineData(null)]
    public void CrisisReply_OtherCrises_KeepTheCrisisLine(string? category) =>
        Assert.Contains("988", Messages().CrisisReply("en-US", category).Text, StringComparison.Ordinal);

    [Fact]
    public void Validator_EmptyDefaultDangerResource_Fails()
    {
        var result = new SafetyOptionsValidator().Validate(null, new SafetyOptions { DefaultDangerResource = " " });

        Assert.True(result.Failed);
        Assert.Contains("DefaultDangerResource", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_DangerFromOthers_HelpResourcesAndOnlyTheSafetyEventKept()
    {
        var model = new Mock<IChatModel>(MockBehavior.Strict);
        var harness = new ActivitiesHarness(model.Object);
        var request = await harness.QueueAsync("My husband said he will kill me if I leave, he has a knife in the kitchen.");

        var outcome = await harness.RunAsync(request);

        Assert.Equal(ReplySource.Safety, outcome.ReplySource);
        model.Verify(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>()), Times.Never);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Null(turn!.Transcript);
        Assert.Equal(new SafetyOutcome(true, SafetyCategories.Danger, SafetyAction.CrisisReply), turn.Safety);
        Assert.Contains("911", turn.Reply!.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Memory.ListFactsAsync("u1", 10, CancellationToken.None));
        var journal = string.Join('\n', (await harness.Memory.ReadJournalAsync("u1", CancellationToken.None)).Select(d => d.Markdown));
        Assert.Contains(SafetyCategories.Danger, journal, StringComparison.Ordinal);
        Assert.DoesNotContain("knife", journal, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("husband", journal, StringComparison.OrdinalIgnoreCase);
    }
}
