namespace VoiceMemory.Llm;

/// <summary>A model's answer. With <see cref="ChatFinish.ContentFilter"/> the text must not be used.</summary>
public sealed record ChatCompletion(string Text, ChatFinish Finish, string Model);
