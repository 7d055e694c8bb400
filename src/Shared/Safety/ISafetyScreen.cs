namespace VoiceMemory.Safety;

/// <summary>Screens a text for crisis and abuse.</summary>
public interface ISafetyScreen
{
    Task<SafetyVerdict> ScreenAsync(string text, string locale, ScreenTarget target, CancellationToken cancellationToken);
}
