namespace VoiceMemory.Memory;

/// <summary>A fact with its lexical relevance to a query (higher is better; 0 = no overlap).</summary>
public sealed record ScoredFact(MemoryFact Fact, double LexicalScore);
