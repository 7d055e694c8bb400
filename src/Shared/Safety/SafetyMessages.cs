using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Turns;

namespace VoiceMemory.Safety;

/// <summary>
/// The words the companion says for safety: the crisis reply (warm, short, with the crisis resource for the locale)
/// and the safe replacement for a flagged or refused reply. English and Chinese are written natively; other locales
/// get English text with their own crisis resource.
/// </summary>
public sealed class SafetyMessages(IOptions<SafetyOptions> options)
{
    // The built-in default names no number; Chinese speakers get it in Chinese. An operator's own default is used verbatim.
    private static readonly string BuiltInDefaultResource = new SafetyOptions().DefaultCrisisResource;
    private const string ChineseDefaultResource = "如果有紧急危险，请立即联系当地的紧急服务。";
    private static readonly string BuiltInDefaultDangerResource = new SafetyOptions().DefaultDangerResource;
    private const string ChineseDefaultDangerResource = "如果你现在有危险，请立即拨打当地的报警电话。";

    /// <summary>The crisis message for <paramref name="locale"/>, as a <see cref="ReplySource.Safety"/> reply.</summary>
    public Reply CrisisReply(string locale) => CrisisReply(locale, SafetyCategories.SelfHarm);

    /// <summary>
    /// The crisis message for a verdict's <paramref name="category"/>: danger from others (<see cref="SafetyCategories.Danger"/>)
    /// gets emergency and abuse help (<see cref="SafetyOptions.DangerResources"/>); any other crisis the crisis line.
    /// </summary>
    public Reply CrisisReply(string locale, string? category)
    {
        if (category == SafetyCategories.Danger)
        {
            return DangerReply(locale);
        }

        var chinese = LocaleInfo.IsChinese(locale);
        var resource = CrisisResource(locale);
        var text = chinese
            ? $"听到你这么说，我很担心你，也谢谢你愿意告诉我。你不用一个人扛着这些。{EndSentence(resource, chinese)}我会一直在这里陪着你。"
            : $"I'm really sorry you're going through this, and I'm glad you told me. You don't have to face it alone. {EndSentence(resource, chinese)} I'm here with you.";
        return new Reply(text, ReplySource.Safety);
    }

    private Reply DangerReply(string locale)
    {
        var chinese = LocaleInfo.IsChinese(locale);
        var resource = DangerResource(locale);
        var text = chinese
            ? $"听到你正在经历这些，我很担心你，也谢谢你愿意告诉我。这不是你的错，你应该是安全的。{EndSentence(resource, chinese)}我会一直在这里陪着你。"
            : $"I'm so sorry this is happening to you, and I'm glad you told me. It is not your fault, and you deserve to be safe. {EndSentence(resource, chinese)} I'm here with you.";
        return new Reply(text, ReplySource.Safety);
    }

    /// <summary>The configured help for a user in danger from someone else, found like <see cref="CrisisResource"/>.</summary>
    public string DangerResource(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var settings = options.Value;
        var tag = locale.Trim().Replace('_', '-');
        var resource = Find(settings.DangerResources ?? [], tag) ?? Find(settings.DangerResources ?? [], LocaleInfo.Language(tag));
        if (resource is not null)
        {
            return resource;
        }

        var fallback = string.IsNullOrWhiteSpace(settings.DefaultDangerResource) ? BuiltInDefaultDangerResource : settings.DefaultDangerResource.Trim();
        return LocaleInfo.IsChinese(tag) && string.Equals(fallback, BuiltInDefaultDangerResource, StringComparison.Ordinal)
            ? ChineseDefaultDangerResource
            : fallback;
    }

    /// <summary>Said instead of a reply that was flagged or refused; it never repeats the reply.</summary>
    public string SafeReplacement(string locale) =>
        LocaleInfo.IsChinese(locale)
            ? "抱歉，这个问题我没办法回答。我们聊点别的吧，你现在在想些什么？"
            : "I'm sorry, I can't help with that. Let's talk about something else. What's on your mind?";

    /// <summary>
    /// The configured crisis resource: the exact locale (<c>zh-TW</c>), then its language (<c>zh</c>), then
    /// <see cref="SafetyOptions.DefaultCrisisResource"/>. Keys match case-insensitively; <c>_</c> counts as <c>-</c>.
    /// </summary>
    public string CrisisResource(string locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var settings = options.Value;
        var tag = locale.Trim().Replace('_', '-');
        var resource = Find(settings.CrisisResources, tag) ?? Find(settings.CrisisResources, LocaleInfo.Language(tag));
        if (resource is not null)
        {
            return resource;
        }

        var fallback = string.IsNullOrWhiteSpace(settings.DefaultCrisisResource) ? BuiltInDefaultResource : settings.DefaultCrisisResource.Trim();
        return LocaleInfo.IsChinese(tag) && string.Equals(fallback, BuiltInDefaultResource, StringComparison.Ordinal)
            ? ChineseDefaultResource
            : fallback;
    }

    private static string? Find(Dictionary<string, string> resources, string key)
    {
        if (key.Length == 0)
        {
            return null;
        }

        // Bound or hand-built dictionaries may not carry the case-insensitive comparer of the defaults.
        foreach (var (candidate, value) in resources)
        {
            if (!string.IsNullOrWhiteSpace(value)
                && string.Equals(candidate.Trim().Replace('_', '-'), key, StringComparison.OrdinalIgnoreCase))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static string EndSentence(string sentence, bool chinese) =>
        sentence.Length > 0 && ".!?。！？".Contains(sentence[^1], StringComparison.Ordinal)
            ? sentence
            : sentence + (chinese ? "。" : ".");
}
