namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>How one reply scored.</summary>
internal enum MemoryOutcome
{
    /// <summary>The expected fact's words (or, never told, an honest "I don't know") and nothing stale.</summary>
    Correct,

    /// <summary>Neither right nor wrong: no answer, or the wrong kind of answer without a stale fact.</summary>
    Missed,

    /// <summary>A stale or other fact asserted.</summary>
    WrongFact,
}
