namespace VoiceMemory.Llm;

/// <summary>A provider-neutral chat request.</summary>
public sealed record ChatPrompt(IReadOnlyList<PromptMessage> Messages, int MaxOutputTokens, float? Temperature = null);
