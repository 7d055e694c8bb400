using VoiceMemory.Infrastructure.Tests.Tools;

namespace VoiceMemory.Infrastructure.Tests;

/// <summary>Every alert the issue names exists with a severity, an on-call description and the action group; every workbook panel exists.</summary>
[Collection(CompiledInfrastructureCollection.Name)]
public sealed class AlertAndWorkbookTests(CompiledInfrastructure compiled)
{
    [Fact]
    public void AlertRules_CoverEverySignal_WithSeverityAndWhatToCheckFirst()
    {
        var alerts = compiled.RequireMain().Module("alerts").Template;
        var rules = ((List<object?>)alerts.DefaultsEvaluator().Evaluate(alerts.Variables["rules"])!).Cast<Dictionary<string, object?>>().ToList();

        Assert.Equal(
            ["backup-stale", "content-safety-unhealthy", "critical-dependency-unhealthy", "fallback-reply-rate", "http-5xx-rate", "turn-duration-p95", "turn-failure-rate", "turns-stuck-queued"],
            rules.Select(r => (string)r["name"]!).Order());
        Assert.All(rules, rule =>
        {
            Assert.InRange((long)rule["severity"]!, 0, 4);
            Assert.Contains("First check", (string)rule["description"]!, StringComparison.Ordinal);
            Assert.Contains((string)rule["measure"]!, (string)rule["query"]!, StringComparison.Ordinal);
        });
        // Requests are sampled: counts add itemCount.
        Assert.Contains("sum(itemCount)", (string)rules.Single(r => (string)r["name"]! == "http-5xx-rate")["query"]!, StringComparison.Ordinal);
        // Content Safety down is an alert of its own, not folded into the critical dependencies (the code marks it
        // non-critical: the lexicon still screens), and it names the dependency the code reports.
        Assert.DoesNotContain("content-safety", (string)rules.Single(r => (string)r["name"]! == "critical-dependency-unhealthy")["query"]!, StringComparison.Ordinal);
        Assert.Contains("critical) == \"true\"", (string)rules.Single(r => (string)r["name"]! == "critical-dependency-unhealthy")["query"]!, StringComparison.Ordinal);
        Assert.Contains($"dependency == \"{VoiceMemory.Http.ProviderNames.ContentSafety}\"", (string)rules.Single(r => (string)r["name"]! == "content-safety-unhealthy")["query"]!, StringComparison.Ordinal);
        // The latency alert is about spoken turns: voicememory.turn.duration's input tag.
        Assert.Contains("customDimensions.input) == \"audio\"", (string)rules.Single(r => (string)r["name"]! == "turn-duration-p95")["query"]!, StringComparison.Ordinal);

        var queryRules = ResourceTests.Resource(alerts, "Microsoft.Insights/scheduledQueryRules");
        Assert.Equal("[variables('rules')[copyIndex()].query]", (string)queryRules["properties"]!["criteria"]!["allOf"]![0]!["query"]!);
        Assert.Contains("actionGroups", queryRules["properties"]!["actions"]!["actionGroups"]!.ToString(), StringComparison.Ordinal);
        var actionGroup = ResourceTests.Resource(alerts, "Microsoft.Insights/actionGroups");
        Assert.Equal("[parameters('alertEmail')]", (string)actionGroup["properties"]!["emailReceivers"]![0]!["emailAddress"]!);
        var metricAlert = ResourceTests.Resource(alerts, "Microsoft.Insights/metricAlerts");
        Assert.Equal("Microsoft.Storage/storageAccounts", (string)metricAlert["properties"]!["criteria"]!["allOf"]![0]!["metricNamespace"]!);
    }

    [Fact]
    public void Workbook_HasEveryPanel_AndIsLoadedFromTheJsonBesideTheBicep()
    {
        var items = MetricAgreementTests.WorkbookItems(compiled.RequireMain()).ToList();
        var panels = items.Where(i => (int?)i["type"] == 3).Select(i => (string)i["name"]!).ToList();

        Assert.Equal(
            ["backup-age", "backup-runs", "failure-codes", "fallback-reasons", "http-results", "provider-health", "rate-limited", "retention-deleted", "safety-flags", "stage-duration", "storage-requests", "token-usage", "turn-duration", "turns-by-outcome", "turns-rescheduled"],
            panels.Order());
        Assert.All(items.Where(i => (int?)i["type"] == 3), i => Assert.Equal("microsoft.insights/components", (string)i["content"]!["resourceType"]!));
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "bicep", "modules", "monitoring", "workbook.bicep"));
        Assert.Contains("loadTextContent('workbook.json')", source, StringComparison.Ordinal);
    }
}
