using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.Reporting;

/// <summary>Stage timings (timingsMs) of the turns a benchmark ran, grouped by what ran them.</summary>
public sealed class StageBreakdown
{
    public static readonly string[] Stages = ["transcribe", "screen", "recall", "reply", "speak", "remember", "total"];

    private readonly Dictionary<string, Dictionary<string, List<double>>> samples = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public IReadOnlyList<string> Groups => order;

    public void Add(string group, StageTimings timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        if (!samples.TryGetValue(group, out var stages))
        {
            stages = Stages.ToDictionary(s => s, _ => new List<double>(), StringComparer.Ordinal);
            samples[group] = stages;
            order.Add(group);
        }

        Add(stages, "transcribe", timings.Transcribe);
        Add(stages, "screen", timings.Screen);
        Add(stages, "recall", timings.Recall);
        Add(stages, "reply", timings.Reply);
        Add(stages, "speak", timings.Speak);
        Add(stages, "remember", timings.Remember);
        Add(stages, "total", timings.Total);
    }

    public IReadOnlyList<double> Samples(string group, string stage) => samples[group][stage];

    public int Turns(string group) => samples[group]["total"].Count;

    private static void Add(Dictionary<string, List<double>> stages, string stage, long? ms)
    {
        if (ms is { } value)
        {
            stages[stage].Add(value);
        }
    }
}
