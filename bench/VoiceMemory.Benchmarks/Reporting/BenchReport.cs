using System.Globalization;
using System.Text;

namespace VoiceMemory.Benchmarks.Reporting;

/// <summary>Everything one run measured, printed as one summary block at the end.</summary>
public sealed class BenchReport
{
    private const int Width = 100;
    private readonly List<Figure> figures = [];
    private readonly List<string> details = [];
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private readonly string loadAtStart = MachineInfo.LoadAverage();

    public StageBreakdown Stages { get; } = new();

    public void Add(Figure figure) => figures.Add(figure);

    /// <summary>A measured value with no target.</summary>
    public void Add(string name, string value) => figures.Add(new Figure(name, value, "-", null));

    /// <summary>A line of context under the figures (sample sizes, what a ratio was made of).</summary>
    public void Detail(string line) => details.Add(line);

    public bool AllTargetsMet => figures.All(f => f.Met != false);

    public string Render(string command)
    {
        var machine = MachineInfo.Read();
        var text = new StringBuilder();
        text.AppendLine(new string('=', Width));
        text.AppendLine(Invariant($"VoiceMemory benchmark summary — `{command}`"));
        text.AppendLine(Invariant($"machine : {machine.Cores} cores, {machine.CpuModel}, {machine.Memory} RAM, Linux {machine.Kernel}, {machine.Runtime}"));
        text.AppendLine(Invariant($"load    : {loadAtStart} at start, {MachineInfo.LoadAverage()} at end (1/5/15 min)"));
        text.AppendLine(Invariant($"when    : {started:yyyy-MM-dd HH:mm:ss}Z, took {(DateTimeOffset.UtcNow - started).TotalSeconds:0} s"));
        text.AppendLine(new string('-', Width));
        text.AppendLine(Invariant($"{"figure",-52} {"value",-22} {"target",-14} result"));
        foreach (var figure in figures)
        {
            text.AppendLine(Invariant($"{figure.Name,-52} {figure.Value,-22} {figure.Target,-14} {figure.Verdict}"));
        }

        AppendStages(text);
        if (details.Count > 0)
        {
            text.AppendLine(new string('-', Width));
            foreach (var line in details)
            {
                text.AppendLine(line);
            }
        }

        text.AppendLine(new string('-', Width));
        var misses = figures.Count(f => f.Met == false);
        var checkedCount = figures.Count(f => f.Met is not null);
        text.AppendLine(Invariant($"targets : {checkedCount - misses} of {checkedCount} met"));
        text.AppendLine(new string('=', Width));
        return text.ToString();
    }

    private void AppendStages(StringBuilder text)
    {
        if (Stages.Groups.Count == 0)
        {
            return;
        }

        const int GroupWidth = 34;
        text.AppendLine(new string('-', Width));
        var names = new StringBuilder(Invariant($"{"stage P50 / P95 (ms)",-24}"));
        var columns = new StringBuilder(Invariant($"{"(turn timingsMs)",-24}"));
        foreach (var group in Stages.Groups)
        {
            names.Append(Invariant($"{$"{group} (n={Stages.Turns(group)})",-GroupWidth}"));
            columns.Append(Invariant($"{$"{"P50",8}{"P95",8}",-GroupWidth}"));
        }

        text.AppendLine(names.ToString().TrimEnd());
        text.AppendLine(columns.ToString().TrimEnd());
        foreach (var stage in StageBreakdown.Stages)
        {
            var line = new StringBuilder(Invariant($"{stage,-24}"));
            foreach (var group in Stages.Groups)
            {
                var samples = Stages.Samples(group, stage).ToArray();
                var cell = samples.Length == 0
                    ? Invariant($"{"not run",16}")
                    : Invariant($"{Percentiles.Median(samples),8:0}{Percentiles.Of(samples, 95),8:0}");
                line.Append(Invariant($"{cell,-GroupWidth}"));
            }

            text.AppendLine(line.ToString().TrimEnd());
        }
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
