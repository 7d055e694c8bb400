namespace VoiceMemory.Llm;

/// <summary>
/// A provider-neutral chat request. <see cref="JudgeRisk"/>: the model answers with the structured reply of
/// <see cref="VoiceMemory.Safety.ModelRisk"/> and its risk judgement comes back in <see cref="ChatCompletion.Risk"/>.
/// </summary>
public sealed record ChatPrompt(IReadOnlyList<PromptMessage> Messages, int MaxOutputTokens, float? Temperature = null, bool JudgeRisk = false);
