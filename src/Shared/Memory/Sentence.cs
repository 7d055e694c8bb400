namespace VoiceMemory.Memory;

/// <summary>One sentence of an utterance; <see cref="EndsWithQuestionMark"/> marks its last clause as a question.</summary>
internal readonly record struct Sentence(string Text, bool EndsWithQuestionMark);
