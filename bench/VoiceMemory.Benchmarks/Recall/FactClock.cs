namespace VoiceMemory.Benchmarks.Recall;

/// <summary>Timestamps for generated facts: a steady step from a start, so a memory of 100k facts spans about three years.</summary>
public sealed class FactClock(DateTimeOffset start, TimeSpan step)
{
    public long Ticks { get; private set; }

    /// <summary>The time of the next <paramref name="facts"/> facts, advancing the clock past them.</summary>
    public DateTimeOffset Next(int facts = 1)
    {
        var at = start + (step * Ticks);
        Ticks += facts;
        return at;
    }
}
