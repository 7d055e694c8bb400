using System.Net;

namespace VoiceMemory.SelfHost.Tests.Deploy;

/// <summary>
/// What /metrics serves after real turns, by the names the Prometheus exporter gives the OpenTelemetry instruments, and
/// that the alert rules and the dashboard of deploy/ query only names that exist — checked on a real scrape and in a real
/// Prometheus that scrapes the server and evaluates the rules.
/// </summary>
public sealed class MetricsScrapeTests(MonitoredServer monitored) : IClassFixture<MonitoredServer>
{
    /// <summary>DESIGN.md §9 and docs/telemetry.md in Prometheus form (a histogram as its _bucket series).</summary>
    public static readonly TheoryData<string> OperatorMetrics = new()
    {
        "voicememory_turns_total",
        "voicememory_turn_duration_milliseconds_bucket",
        "voicememory_stage_duration_milliseconds_bucket",
        "voicememory_safety_flags_total",
        "voicememory_replies_fallback_total",
        "voicememory_backup_runs_total",
        "voicememory_backup_last_success_seconds",
        "voicememory_retention_deleted_total",
        "voicememory_health_status",
        "voicememory_turns_rescheduled_total",
        "voicememory_requests_rate_limited_total",
        "gen_ai_client_token_usage_bucket",
        "gen_ai_client_operation_duration_seconds_bucket",
        "http_server_request_duration_seconds_bucket",
    };

    [Theory]
    [MemberData(nameof(OperatorMetrics))]
    public void Scrape_HoldsTheMetric(string name) =>
        Assert.True(monitored.Scrape.Names.Contains(name), $"{name} is not in the scrape:\n{monitored.Scrape.Text}");

    [Fact]
    public void Scrape_CountsWhatTheTurnsDid()
    {
        var scrape = monitored.Scrape;

        // At least: a step that outlives its lease on a loaded machine runs again and counts again.
        Assert.True(scrape.Sum("voicememory_turns_total", ("outcome", "completed")) >= 4, scrape.Text);
        Assert.Equal(0, scrape.Sum("voicememory_turns_total", ("outcome", "failed")));
        Assert.True(scrape.Sum("voicememory_turn_duration_milliseconds_count", ("input", "audio")) >= 1, scrape.Text);
        Assert.True(scrape.Sum("voicememory_turn_duration_milliseconds_count", ("input", "text")) >= 3, scrape.Text);
        Assert.True(scrape.Sum("voicememory_safety_flags_total", ("action", "crisis_reply")) >= 1, scrape.Text);
        Assert.True(scrape.Sum("voicememory_replies_fallback_total", ("reason", "unavailable")) >= 1, scrape.Text);
        Assert.True(scrape.Sum("voicememory_requests_rate_limited_total", ("host", "selfhost")) >= 1);
        Assert.True(scrape.Has("voicememory_stage_duration_milliseconds_bucket", ("stage", "transcribe")));
        Assert.True(scrape.Has("voicememory_health_status", ("dependency", "database"), ("critical", "true")));
        Assert.Contains(
            scrape.Samples,
            s => s.Name == "http_server_request_duration_seconds_count" && s.Labels["http_response_status_code"] == "202"
                && s.Labels.TryGetValue("http_route", out var route) && route.TrimEnd('/') == "/api/v1/turns" && s.Value >= 4);
    }

    [Fact]
    public void Scrape_TokenUsage_IsWhatTheLlmServerReportedPerCall()
    {
        var scrape = monitored.Scrape;
        (string, string)[] input = [("gen_ai_operation_name", "chat"), ("gen_ai_token_type", "input")];
        (string, string)[] output = [("gen_ai_operation_name", "chat"), ("gen_ai_token_type", "output")];

        Assert.True(monitored.LlmCalls >= 2, $"the LLM answered {monitored.LlmCalls} calls");
        Assert.Equal(monitored.LlmCalls, scrape.Sum("gen_ai_client_token_usage_count", input));
        Assert.Equal(10.0 * monitored.LlmCalls, scrape.Sum("gen_ai_client_token_usage_sum", input));
        Assert.Equal(5.0 * monitored.LlmCalls, scrape.Sum("gen_ai_client_token_usage_sum", output));
        Assert.True(scrape.Has("gen_ai_client_token_usage_bucket", ("gen_ai_request_model", "test-model")));
    }

    [Fact]
    public void AlertRules_QueryOnlyMetricsTheServerServes()
    {
        var expressions = PromQl.AlertExpressions();
        Assert.Equal(8, expressions.Count);
        var missing = expressions.SelectMany(PromQl.Metrics).Where(m => m != "up" && !monitored.Scrape.Names.Contains(m)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Dashboard_QueriesOnlyMetricsTheServerServes()
    {
        var expressions = PromQl.DashboardExpressions();
        Assert.True(expressions.Count >= 15, $"{expressions.Count} queries");
        var missing = expressions.SelectMany(PromQl.Metrics).Where(m => m != "up" && !monitored.Scrape.Names.Contains(m)).Distinct().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Prometheus_ScrapesTheServerAndEvaluatesEveryAlertRuleWithoutError()
    {
        var rules = (await monitored.RulesAsync()).EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();

        Assert.Equal(8, rules.Count);
        Assert.All(rules, rule => Assert.True(rule.GetProperty("health").GetString() == "ok", rule.ToString()));
        Assert.Equal(1, (await monitored.QueryAsync("up{job=\"voicememory\"} == 1")).GetArrayLength());
    }

    [Fact]
    public async Task Prometheus_AnswersEveryDashboardQueryWithData()
    {
        foreach (var expression in PromQl.DashboardExpressions().Where(e => !e.Contains("[1h]", StringComparison.Ordinal)))
        {
            // Each query runs; the instant ones that need no rate window have data now.
            await monitored.QueryAsync(expression);
        }

        Assert.True((await monitored.QueryAsync("voicememory_health_status{job=\"voicememory\"}")).GetArrayLength() >= 4);
        Assert.True((await monitored.QueryAsync("time() - voicememory_backup_last_success_seconds{job=\"voicememory\"} < 600")).GetArrayLength() == 1);
    }

    [Fact]
    public async Task ApiPort_DoesNotServeMetrics_AndTheMetricsPortServesNothingElse()
    {
        using var http = new HttpClient();

        using var onApi = await http.GetAsync(new Uri(monitored.Server.Url + "/metrics"));
        using var apiOnMetrics = await http.GetAsync(new Uri(monitored.Server.MetricsUrl + "/api/health"));
        using var onMetrics = await http.GetAsync(new Uri(monitored.Server.MetricsUrl + "/metrics"));

        Assert.Equal(HttpStatusCode.NotFound, onApi.StatusCode);
        Assert.DoesNotContain("voicememory_", await onApi.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onMetrics.StatusCode);
        Assert.StartsWith("text/plain", onMetrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }
}
