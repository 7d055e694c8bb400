namespace VoiceMemory.Turns;

/// <summary>The safety result a client sees: whether anything was flagged, the category, and what was done.</summary>
public sealed record SafetyOutcome(bool Flagged, string? Category, SafetyAction Action)
{
    /// <summary>Nothing flagged, nothing done.</summary>
    public static SafetyOutcome Clear { get; } = new(false, null, SafetyAction.None);
}
