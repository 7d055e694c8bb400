namespace VoiceMemory.Benchmarks.Reporting;

/// <summary>One measured figure of a run: its value as printed, its target and whether the target was met (null: no target).</summary>
public sealed record Figure(string Name, string Value, string Target, bool? Met)
{
    public string Verdict => Met switch
    {
        true => "PASS",
        false => "MISS",
        null => "-",
    };
}
