namespace VoiceMemory.Memory;

/// <summary>
/// Fits recalled memory into a character budget. What goes first: turns older than the last two, then relevant
/// facts from the lowest ranked, then the last two turns (oldest first), and profile facts only when nothing else
/// is left (the name last of all).
/// </summary>
internal static class MemoryBudget
{
    private const int TurnsKeptLongest = 2;

    public static MemoryContext Fit(MemoryContext context, int budgetChars, Func<MemoryFact, int> factCost, Func<RecentTurn, int> turnCost)
    {
        var profile = context.ProfileFacts.ToList();
        var relevant = context.RelevantFacts.ToList();
        var turns = context.RecentTurns.ToList();
        var total = profile.Sum(factCost) + relevant.Sum(factCost) + turns.Sum(turnCost);

        while (total > budgetChars)
        {
            if (turns.Count > TurnsKeptLongest)
            {
                total -= turnCost(turns[0]);
                turns.RemoveAt(0);
            }
            else if (relevant.Count > 0)
            {
                total -= factCost(relevant[^1]);
                relevant.RemoveAt(relevant.Count - 1);
            }
            else if (turns.Count > 0)
            {
                total -= turnCost(turns[0]);
                turns.RemoveAt(0);
            }
            else if (profile.Count > 0)
            {
                var drop = profile.FindLastIndex(f => f.Key != FactKeys.Name);
                drop = drop >= 0 ? drop : profile.Count - 1;
                total -= factCost(profile[drop]);
                profile.RemoveAt(drop);
            }
            else
            {
                break;
            }
        }

        return new MemoryContext(profile, relevant, turns);
    }
}
