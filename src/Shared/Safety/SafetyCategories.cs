namespace VoiceMemory.Safety;

/// <summary>Category names used in verdicts, turn status and metrics.</summary>
public static class SafetyCategories
{
    /// <summary>Self-harm or suicide intent.</summary>
    public const string SelfHarm = "self_harm";
    /// <summary>Violence, including threats to harm others.</summary>
    public const string Violence = "violence";
    /// <summary>Danger from others: the user is being hurt, threatened or stalked. A crisis, answered with emergency and abuse resources.</summary>
    public const string Danger = "danger";
    public const string Hate = "hate";
    public const string Sexual = "sexual";
    /// <summary>Abuse or harassment aimed at the companion or others.</summary>
    public const string Abuse = "abuse";
    /// <summary>A content filter refused to answer (Azure OpenAI <c>content_filter</c>).</summary>
    public const string ContentFilter = "content_filter";
}
