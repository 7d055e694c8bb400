using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoiceMemory.Infrastructure.Tests.Arm;
using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>Every metric an alert rule or the workbook reads is an instrument the code publishes on the VoiceMemory meter.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed partial class MetricAgreementTests(CompiledInfrastructure compiled)
{
    private const string GenAiTokenUsage = "gen_ai.client.token.usage";

    [Fact]
    public void Instruments_IncludeEveryMetricOfDesignSection9()
    {
        string[] design =
        [
            "voicememory.turns", "voicememory.turn.duration", "voicememory.stage.duration", "voicememory.safety.flags",
            "voicememory.replies.fallback", "voicememory.backup.runs", "voicememory.backup.last_success",
            "voicememory.retention.deleted", "voicememory.health.status", "voicememory.turns.rescheduled",
            "voicememory.requests.rate_limited",
        ];

        Assert.All(design, name => Assert.Contains(name, EmittedInstruments.Names));
    }

    [Fact]
    public void AlertRules_QueryOnlyEmittedMetrics()
    {
        var queries = AlertQueries();
        var used = queries.SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.True(used.Count >= 6, "the alert rules read too few metrics: " + string.Join(", ", used));
        Assert.All(used, name => Assert.True(EmittedInstruments.Names.Contains(name), $"alert rule reads '{name}', which no instrument of the VoiceMemory meter emits ({string.Join(", ", EmittedInstruments.Names.Order())})"));
    }

    [Fact]
    public void Workbook_QueriesOnlyEmittedMetrics()
    {
        var used = WorkbookQueries().SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);

        var missing = used.Where(n => !EmittedInstruments.Names.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"the workbook reads metrics the code does not emit: {string.Join(", ", missing)}"
            + (missing.Contains(GenAiTokenUsage) ? " (gen_ai.client.token.usage comes with the instrumented chat client; until the code emits it on the VoiceMemory meter, its panel shows nothing)" : ""));
    }

    [Fact]
    public void Workbook_ShowsEveryVoiceMemoryInstrument()
    {
        var used = WorkbookQueries().SelectMany(MetricNames).ToHashSet(StringComparer.Ordinal);

        Assert.All(EmittedInstruments.Names.Where(n => n.StartsWith("voicememory.", StringComparison.Ordinal)), name => Assert.Contains(name, used));
    }

    [Fact]
    public void CustomMetricsQueries_AlwaysFilterByName()
    {
        foreach (var query in AlertQueries().Concat(WorkbookQueries()).Where(q => q.TrimStart().StartsWith("customMetrics", StringComparison.Ordinal)))
        {
            Assert.NotEmpty(MetricNames(query));
        }
    }

    [Fact]
    public void WeightedPercentiles_TakeTheWeightSecondAndAConstantPercentileLast()
    {
        var calls = AlertQueries().Concat(WorkbookQueries()).SelectMany(q => WeightedPercentile().Matches(q)).ToList();

        // percentilew(expr, weightExpr, percentile): swapped arguments still parse, and silently weigh by the percentile.
        Assert.NotEmpty(calls);
        Assert.All(calls, call => Assert.Matches(@"^percentilew\([^,]+,\s*toint\(valueCount\),\s*\d+\)$", call.Value));
    }

    internal static IEnumerable<string> MetricNames(string query)
    {
        foreach (Match match in NameFilter().Matches(query))
        {
            foreach (Match literal in QuotedLiteral().Matches(match.Groups["list"].Value))
            {
                yield return literal.Groups[1].Value;
            }
        }
    }

    private List<string> AlertQueries()
    {
        var deployment = new MainDeployment(compiled.RequireMain());
        var alerts = deployment.Template.Module("alerts").Template;
        var rules = (List<object?>)alerts.DefaultsEvaluator().Evaluate(alerts.Variables["rules"])!;
        return rules.Cast<Dictionary<string, object?>>().Select(r => (string)r["query"]!).ToList();
    }

    private List<string> WorkbookQueries() => WorkbookItems(compiled.RequireMain())
        .Where(i => (int?)i["type"] == 3)
        .Select(i => (string)i["content"]!["query"]!)
        .ToList();

    internal static IEnumerable<JsonObject> WorkbookItems(ArmTemplate main)
    {
        var workbook = main.Module("workbook").Template;
        var serialized = workbook.Variables.Values.Select(v => v?.GetValue<string>()).Single(v => v is not null && v.Contains("Notebook/1.0", StringComparison.Ordinal))!;
        return JsonNode.Parse(serialized)!["items"]!.AsArray().Cast<JsonObject>();
    }

    [GeneratedRegex("""\bname\s*(==|in)\s*(?<list>\([^)]*\)|"[^"]*")""")]
    private static partial Regex NameFilter();

    [GeneratedRegex(@"percentilew\((?:[^()]|\([^()]*\))*\)")]
    private static partial Regex WeightedPercentile();

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedLiteral();
}
