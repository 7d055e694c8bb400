namespace VoiceMemory.Safety;

/// <summary>
/// The result of screening one text. <see cref="IsCrisis"/> (self-harm or suicide intent, a threat to others)
/// triggers the crisis reply; <see cref="Flagged"/> alone (abuse, hate, sexual content) does not.
/// <see cref="Severity"/> is 0..7 on the Azure Content Safety scale. <see cref="Source"/> names the screen(s) that decided.
/// </summary>
public sealed record SafetyVerdict(bool Flagged, string? Category, bool IsCrisis, int Severity, string Source)
{
    /// <summary>Nothing found.</summary>
    public static SafetyVerdict Clear(string source) => new(false, null, false, 0, source);
}
