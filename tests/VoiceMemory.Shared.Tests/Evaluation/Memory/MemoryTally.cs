namespace VoiceMemory.Tests.Evaluation.Memory;

/// <summary>Counts of outcomes for one cell of the table.</summary>
internal sealed class MemoryTally
{
    public int Cases { get; private set; }

    public int Correct { get; private set; }

    public int WrongFacts { get; private set; }

    public double CorrectRate => Cases == 0 ? double.NaN : (double)Correct / Cases;

    public void Add(MemoryOutcome outcome)
    {
        Cases++;
        Correct += outcome == MemoryOutcome.Correct ? 1 : 0;
        WrongFacts += outcome == MemoryOutcome.WrongFact ? 1 : 0;
    }

    /// <summary>"17/19 0.89, 0 wrong" or "–" for no cases.</summary>
    public string Cell() => Cases == 0
        ? "–"
        : $"{Correct}/{Cases} {CorrectRate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}, {WrongFacts} wrong";
}
