namespace VoiceMemory.Llm;

/// <summary>One message of a chat prompt.</summary>
public sealed record PromptMessage(PromptRole Role, string Content);
