using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Safety;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Safety;

public sealed class SafetyMessagesTests
{
    private static SafetyMessages Messages(SafetyOptions? options = null) => new(Options.Create(options ?? new SafetyOptions()));

    [Fact]
    public void CrisisReply_EnUs_Names988AndComesFromSafety()
    {
        var reply = Messages().CrisisReply("en-US");

        Assert.Equal(ReplySource.Safety, reply.Source);
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    [InlineData("de-DE")]
    public void CrisisReply_AnyLocale_ShortEnoughToSpeak(string locale)
    {
        Assert.InRange(Messages().CrisisReply(locale).Text.Length, 40, 300);
    }

    [Fact]
    public void CrisisReply_ZhCn_ChineseWithNationalHotlineAndEmergencyNumbers()
    {
        var reply = Messages().CrisisReply("zh-CN");

        Assert.Equal(ReplySource.Safety, reply.Source);
        Assert.Contains("12356", reply.Text, StringComparison.Ordinal);
        Assert.Contains("110", reply.Text, StringComparison.Ordinal);
        Assert.Contains("120", reply.Text, StringComparison.Ordinal);
        Assert.Contains("我", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("I'm", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_FrFr_EnglishWithLocalEmergencyServices()
    {
        var reply = Messages().CrisisReply("fr-FR");

        Assert.Contains("local emergency services", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("I'm", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_EnGb_NotTheUsLifeline()
    {
        var reply = Messages().CrisisReply("en-GB");

        Assert.DoesNotContain("988", reply.Text, StringComparison.Ordinal);
        Assert.Contains("local emergency services", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_ZhTwWithoutConfiguredResource_ChineseDefaultNotMainlandNumbers()
    {
        var reply = Messages().CrisisReply("zh-TW");

        Assert.DoesNotContain("12356", reply.Text, StringComparison.Ordinal);
        Assert.Contains("紧急服务", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_ConfiguredLocale_Honoured()
    {
        var options = new SafetyOptions();
        options.CrisisResources["fr-FR"] = "Appelez le 3114, le numéro national de prévention du suicide.";

        var reply = Messages(options).CrisisReply("fr-FR");

        Assert.Contains("3114", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_ConfiguredOverrideOfDefaultLocale_Honoured()
    {
        var options = new SafetyOptions();
        options.CrisisResources["en-US"] = "Call the Test Line at 555-0100.";

        var reply = Messages(options).CrisisReply("en-US");

        Assert.Contains("555-0100", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("988", reply.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-TW", "zh", "请拨打 1925")]
    [InlineData("zh-HK", "ZH", "请拨打 1925")]
    [InlineData("en-GB", "en", "Call 116 123")]
    [InlineData("en_AU", "EN", "Call 116 123")]
    public void CrisisReply_LanguageKey_UsedWhenLocaleMissing(string locale, string key, string resource)
    {
        var options = new SafetyOptions { CrisisResources = new Dictionary<string, string> { [key] = resource } };

        Assert.Contains(resource, Messages(options).CrisisReply(locale).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_ExactLocaleBeforeLanguage()
    {
        var options = new SafetyOptions
        {
            CrisisResources = new Dictionary<string, string> { ["en"] = "Generic line.", ["en-IE"] = "Irish line." },
        };

        var text = Messages(options).CrisisReply("en-IE").Text;

        Assert.Contains("Irish line.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Generic line.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_KeyWithOtherCaseInCaseSensitiveDictionary_Matches()
    {
        var options = new SafetyOptions
        {
            CrisisResources = new Dictionary<string, string>(StringComparer.Ordinal) { ["EN-us"] = "Case-insensitive line." },
        };

        Assert.Contains("Case-insensitive line.", Messages(options).CrisisReply("en-US").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_OperatorDefault_UsedVerbatimInEveryLanguage()
    {
        var options = new SafetyOptions { DefaultCrisisResource = "Call 112 now" };

        var french = Messages(options).CrisisReply("fr-FR").Text;
        var chinese = Messages(options).CrisisReply("zh-TW").Text;

        Assert.Contains("Call 112 now.", french, StringComparison.Ordinal);
        Assert.Contains("Call 112 now。", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void CrisisReply_BlankConfiguredResource_FallsThrough()
    {
        var options = new SafetyOptions();
        options.CrisisResources["fr-FR"] = "  ";

        Assert.Contains("local emergency services", Messages(options).CrisisReply("fr-FR").Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    [InlineData("fr-FR")]
    public void CrisisReply_PassesTheReplyScreen(string locale)
    {
        var text = Messages().CrisisReply(locale).Text;

        Assert.False(new LexiconSafetyScreen().Screen(text, locale, ScreenTarget.Reply).Flagged);
    }

    [Fact]
    public void SafeReplacement_EnglishAndChineseDiffer()
    {
        var messages = Messages();

        var english = messages.SafeReplacement("en-US");
        var chinese = messages.SafeReplacement("zh-CN");

        Assert.NotEqual(english, chinese);
        Assert.Contains("抱歉", chinese, StringComparison.Ordinal);
        Assert.Contains("sorry", english, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("fr-FR", "en-US")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("EN-gb", "en-US")]
    public void SafeReplacement_FollowsTheLanguage(string locale, string sameAs)
    {
        var messages = Messages();

        Assert.Equal(messages.SafeReplacement(sameAs), messages.SafeReplacement(locale));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void SafeReplacement_PassesBothScreens(string locale)
    {
        var text = Messages().SafeReplacement(locale);
        var screen = new LexiconSafetyScreen();

        Assert.False(screen.Screen(text, locale, ScreenTarget.Reply).Flagged);
        Assert.False(screen.Screen(text, locale, ScreenTarget.UserInput).Flagged);
    }
}
