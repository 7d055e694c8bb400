using System.Text.Json;
using System.Text.RegularExpressions;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>The metric names an alert rule file or a Grafana dashboard queries (every selector here carries its labels in braces).</summary>
internal static partial class PromQl
{
    public static IReadOnlyList<string> AlertExpressions()
    {
        var rules = File.ReadAllLines(Tool.DeployFile("prometheus", "voicememory-alerts.yml"));
        var expressions = new List<string>();
        for (var i = 0; i < rules.Length; i++)
        {
            var line = rules[i].Trim();
            if (!line.StartsWith("expr:", StringComparison.Ordinal))
            {
                continue;
            }

            var inline = line["expr:".Length..].Trim();
            if (inline != "|")
            {
                expressions.Add(inline);
                continue;
            }

            var indent = rules[i + 1].Length - rules[i + 1].TrimStart().Length;
            var block = new List<string>();
            for (var j = i + 1; j < rules.Length && (rules[j].Trim().Length == 0 || rules[j].Length - rules[j].TrimStart().Length >= indent); j++)
            {
                block.Add(rules[j].Trim());
            }

            expressions.Add(string.Join(' ', block).Trim());
        }

        return expressions;
    }

    /// <summary>Every panel and variable query of the dashboard, with Grafana's variables given values Prometheus accepts.</summary>
    public static IReadOnlyList<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Tool.DeployFile("grafana", "voicememory-dashboard.json")));
        var expressions = new List<string>();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (panel.TryGetProperty("targets", out var targets))
            {
                expressions.AddRange(targets.EnumerateArray().Select(t => t.GetProperty("expr").GetString()!));
            }
        }

        foreach (var variable in dashboard.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray())
        {
            if (variable.GetProperty("type").GetString() == "query")
            {
                var query = variable.GetProperty("query").GetProperty("query").GetString()!;
                expressions.Add(LabelValues().Match(query).Groups["selector"].Value);
            }
        }

        return expressions.Select(e => e.Replace("$__rate_interval", "1m", StringComparison.Ordinal).Replace("$instance", ".*", StringComparison.Ordinal)).ToList();
    }

    /// <summary>The metric names selected in <paramref name="expression"/>.</summary>
    public static IEnumerable<string> Metrics(string expression) => Selector().Matches(expression).Select(m => m.Groups["name"].Value).Distinct();

    [GeneratedRegex(@"(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)\{")]
    private static partial Regex Selector();

    [GeneratedRegex(@"label_values\((?<selector>.*\}),")]
    private static partial Regex LabelValues();
}
