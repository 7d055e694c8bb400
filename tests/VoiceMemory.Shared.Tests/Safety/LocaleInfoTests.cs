using VoiceMemory.Configuration;

namespace VoiceMemory.Tests.Safety;

public sealed class LocaleInfoTests
{
    [Theory]
    [InlineData("zh-CN", "zh")]
    [InlineData("EN_gb", "en")]
    [InlineData("fr", "fr")]
    [InlineData(" zh-Hant-TW ", "zh")]
    [InlineData("", "")]
    public void Language_Tag_LowerCaseLanguageSubtag(string locale, string language)
    {
        Assert.Equal(language, LocaleInfo.Language(locale));
    }

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("zh-TW", true)]
    [InlineData("ZH", true)]
    [InlineData("yue-HK", true)]
    [InlineData("en-US", false)]
    [InlineData("", false)]
    public void IsChinese_Tag_ByLanguage(string locale, bool chinese)
    {
        Assert.Equal(chinese, LocaleInfo.IsChinese(locale));
    }

    [Fact]
    public void Language_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LocaleInfo.Language(null!));
    }
}
