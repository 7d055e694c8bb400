namespace VoiceMemory.Memory;

/// <summary>What recall found for one turn: profile facts, the most relevant other facts and the last turns, within budget.</summary>
public sealed record MemoryContext(
    IReadOnlyList<MemoryFact> ProfileFacts,
    IReadOnlyList<MemoryFact> RelevantFacts,
    IReadOnlyList<RecentTurn> RecentTurns)
{
    /// <summary>Nothing remembered yet.</summary>
    public static MemoryContext Empty { get; } = new([], [], []);

    /// <summary>Profile and relevant facts together, without duplicates.</summary>
    public IEnumerable<MemoryFact> AllFacts => ProfileFacts.Concat(RelevantFacts).DistinctBy(f => f.Id);
}
