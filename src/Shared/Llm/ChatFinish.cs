namespace VoiceMemory.Llm;

/// <summary>Why the model stopped.</summary>
public enum ChatFinish
{
    Stop,
    Length,
    /// <summary>A content filter refused or cut the answer; a safety outcome, not an error.</summary>
    ContentFilter,
}
