using System.Globalization;
using System.Text;

namespace VoiceMemory.Harness.Reporting;

/// <summary>The one summary block a scenario prints: measured figures, then each expectation with PASS or FAIL.</summary>
internal sealed class Summary(string scenario)
{
    private readonly List<(string Name, string Value)> figures = [];
    private readonly List<Expectation> expectations = [];
    private readonly List<string> notes = [];

    public string Scenario => scenario;

    public IReadOnlyList<Expectation> Expectations => expectations;

    public IReadOnlyList<(string Name, string Value)> Figures => figures;

    /// <summary>True when at least one expectation was checked and all held.</summary>
    public bool Passed => expectations.Count > 0 && expectations.All(e => e.Met);

    public Summary Figure(string name, FormattableString value)
    {
        ArgumentNullException.ThrowIfNull(value);
        figures.Add((name, value.ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    public Summary Figure(string name, string value)
    {
        figures.Add((name, value));
        return this;
    }

    public Summary Expect(string name, bool met, FormattableString detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        expectations.Add(new Expectation(name, met, detail.ToString(CultureInfo.InvariantCulture)));
        return this;
    }

    public Summary Note(string text)
    {
        notes.Add(text);
        return this;
    }

    public string Render()
    {
        var figureWidth = figures.Select(f => f.Name.Length).DefaultIfEmpty(0).Max();
        var expectationWidth = expectations.Select(e => e.Name.Length).DefaultIfEmpty(0).Max();
        var text = new StringBuilder();
        var title = $"===== VoiceMemory harness: {scenario} ";
        text.AppendLine(title.PadRight(Math.Max(72, title.Length), '='));
        foreach (var (name, value) in figures)
        {
            text.Append("  ").Append(name.PadRight(figureWidth)).Append(" : ").AppendLine(value);
        }

        if (notes.Count > 0)
        {
            text.AppendLine("notes:");
            foreach (var note in notes)
            {
                text.Append("  - ").AppendLine(note);
            }
        }

        text.AppendLine("expectations:");
        foreach (var expectation in expectations)
        {
            text.Append("  [").Append(expectation.Met ? "PASS" : "FAIL").Append("] ")
                .Append(expectation.Name.PadRight(expectationWidth)).Append(" : ").AppendLine(expectation.Detail);
        }

        var met = expectations.Count(e => e.Met);
        text.Append(CultureInfo.InvariantCulture, $"result: {(Passed ? "PASS" : "FAIL")} ({met}/{expectations.Count} expectations met)").AppendLine();
        text.AppendLine(new string('=', Math.Max(72, title.Length)));
        return text.ToString();
    }
}
