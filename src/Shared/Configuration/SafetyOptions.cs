using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.Configuration;

/// <summary>Safety settings (<c>VoiceMemory:Safety</c>).</summary>
public sealed class SafetyOptions
{
    public const string Section = "VoiceMemory:Safety";

    public SafetyProvider Provider { get; set; } = SafetyProvider.Lexicon;

    /// <summary>Content Safety resource endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Resource key; absent → Microsoft Entra token.</summary>
    public string? ApiKey { get; set; }

    public string ApiVersion { get; set; } = "2024-09-01";

    /// <summary>Severity (0..7) at or above which a Content Safety category flags a text. Keys: Hate, SelfHarm, Sexual, Violence.</summary>
    public Dictionary<string, int> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Hate"] = 4,
        ["SelfHarm"] = 2,
        ["Sexual"] = 4,
        ["Violence"] = 4,
    };

    /// <summary>Crisis resources per locale (or language); others get <see cref="DefaultCrisisResource"/>.</summary>
    public Dictionary<string, string> CrisisResources { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "You can call or text 988 to reach the 988 Suicide & Crisis Lifeline, any time.",
        ["zh-CN"] = "你可以拨打全国心理援助热线 12356；如有紧急危险，请立即拨打 110 或 120。",
    };

    public string DefaultCrisisResource { get; set; } = "Please contact your local emergency services right away.";

    /// <summary>
    /// Help for a user in danger from someone else (being hurt, threatened or stalked), per locale (or language); others
    /// get <see cref="DefaultDangerResource"/>. Looked up like <see cref="CrisisResources"/>.
    /// </summary>
    public Dictionary<string, string> DangerResources { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "If you are in danger right now, call 911. The National Domestic Violence Hotline is there any time at 1-800-799-7233.",
        ["zh-CN"] = "如果你现在有危险，请立即拨打 110 报警；也可以拨打 12338 妇女维权公益服务热线寻求帮助。",
    };

    public string DefaultDangerResource { get; set; } = "If you are in danger right now, please call your local emergency number.";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Retry backoff, Retry-After cap and circuit breaker of the Content Safety calls.</summary>
    public ResilienceOptions Resilience { get; set; } = new() { MaxRetryAfterSeconds = 2 };
}
