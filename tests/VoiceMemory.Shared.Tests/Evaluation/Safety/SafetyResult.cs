namespace VoiceMemory.Tests.Evaluation.Safety;

/// <summary>The screen's answer for one case: crisis or not, and the category it named.</summary>
public sealed record SafetyResult(SafetyCase Case, bool Crisis, string? Category)
{
    /// <summary>A crisis found, or a look-alike left alone.</summary>
    public bool Correct => Crisis == Case.IsCrisis;

    /// <summary>A crisis found under the category the set expects (danger from others gets its own resources).</summary>
    public bool RightCategory => Crisis && Category == Case.Expected;
}
