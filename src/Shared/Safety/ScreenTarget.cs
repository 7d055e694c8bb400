namespace VoiceMemory.Safety;

/// <summary>What is being screened: the user's words, or the generated reply.</summary>
public enum ScreenTarget
{
    UserInput,
    Reply,
}
