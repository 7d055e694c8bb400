namespace VoiceMemory.Llm;

/// <summary>The author of a prompt message.</summary>
public enum PromptRole
{
    System,
    User,
    Assistant,
}
