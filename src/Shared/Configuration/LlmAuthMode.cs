namespace VoiceMemory.Configuration;

/// <summary>How an LLM (or other AI service) call authenticates.</summary>
public enum LlmAuthMode
{
    /// <summary>An API key when one is set; otherwise a Microsoft Entra token for Azure endpoints; otherwise none.</summary>
    Auto,
    ApiKey,
    Entra,
    None,
}
