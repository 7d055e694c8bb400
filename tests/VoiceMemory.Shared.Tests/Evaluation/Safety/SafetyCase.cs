namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>One evaluation sentence: its language, expected crisis category (<c>none</c> for a look-alike), instrument item or look-alike kind.</summary>
public sealed record SafetyCase(string Language, string Expected, string Item, string Text, SafetyPart Part)
{
    public bool IsCrisis => Expected != "none";

    /// <summary>Not in the tune part.</summary>
    public bool HeldOut => Part != SafetyPart.Tune;

    public string Locale => Language == "zh" ? "zh-CN" : "en-US";
}
