namespace VoiceMemory.Llm;

/// <summary>
/// A model's answer. With <see cref="ChatFinish.ContentFilter"/> the text must not be used. <see cref="Risk"/> is the
/// model's second opinion (a crisis category) when the prompt asked for one and the model gave one; null otherwise.
/// </summary>
public sealed record ChatCompletion(string Text, ChatFinish Finish, string Model, string? Risk = null);
