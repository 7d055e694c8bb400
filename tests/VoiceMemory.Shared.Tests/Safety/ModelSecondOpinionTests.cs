using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Llm;
using VoiceMemory.Safety;
using VoiceMemory.Tests.Providers;
using VoiceMemory.Tests.Workflow;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Safety;

/// <summary>
/// The LLM's second opinion on risk, against a loopback OpenAI-compatible stand-in driven through the real chat
/// model (Microsoft.Extensions.AI over the OpenAI SDK) and the real turn activities with the real lexicon.
/// </summary>
public sealed class ModelSecondOpinionTests
{
    // A plan the lexicon does not see without context (measured: one of the tune part's misses).
    private const string MissedPlan = "I'm going to do it when the kids are at school";

    [Fact]
    public void The_statement_used_here_is_one_the_lexicon_misses() =>
        Assert.False(new LexiconSafetyScreen().Screen(MissedPlan, "en-US", ScreenTarget.UserInput).Flagged);

    [Fact]
    public async Task Model_flags_what_the_lexicon_missed_the_turn_gets_the_crisis_reply_in_one_call()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Answer(ctx, "self_harm", "That sounds like a big day, tell me more!"));
        var (harness, provider) = Harness(server);
        using var _ = provider;
        var request = await harness.QueueAsync(MissedPlan);

        var outcome = await harness.RunAsync(request);

        Assert.Equal(ReplySource.Safety, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(new SafetyOutcome(true, SafetyCategories.SelfHarm, SafetyAction.CrisisReply), turn!.Safety);
        Assert.Contains("988", turn.Reply!.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("big day", turn.Reply.Text, StringComparison.Ordinal);
        Assert.Null(turn.Transcript);
        var journal = string.Join('\n', (await harness.Memory.ReadJournalAsync("u1", CancellationToken.None)).Select(d => d.Markdown));
        Assert.DoesNotContain("kids", journal, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await harness.Memory.ListFactsAsync("u1", 10, CancellationToken.None));

        // The judgement rode in the reply call: one request, strict structured output.
        var only = Assert.Single(server.Requests);
        using var body = JsonDocument.Parse(only.Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal(ModelRisk.SchemaName, format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Contains("Risk check", body.RootElement.GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_names_danger_from_others_the_reply_gives_emergency_and_abuse_help()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Answer(ctx, "danger", "Okay."));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("he took my keys again and says i'll regret it if i call anyone"));

        Assert.Equal(ReplySource.Safety, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(SafetyCategories.Danger, turn!.Safety!.Category);
        Assert.Contains("911", turn.Reply!.Text, StringComparison.Ordinal);
        Assert.Contains("1-800-799-7233", turn.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_saying_no_risk_does_not_clear_the_lexicons_crisis()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Answer(ctx, "none", "Sounds fun!"));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("I'm going to kill myself tonight"));

        Assert.Equal(ReplySource.Safety, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(SafetyAction.CrisisReply, turn!.Safety!.Action);
        Assert.Contains("988", turn.Reply!.Text, StringComparison.Ordinal);

        // The lexicon's crisis short-circuits before any model is asked, so a "none" can never reach it.
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void Model_saying_no_risk_does_not_lower_any_flag()
    {
        var crisis = new SafetyVerdict(true, SafetyCategories.SelfHarm, true, 6, "lexicon+azure");
        var abuse = new SafetyVerdict(true, SafetyCategories.Abuse, false, 3, "lexicon");

        Assert.Same(crisis, ModelRisk.Raise(crisis, "none"));
        Assert.Same(crisis, ModelRisk.Raise(crisis, "danger"));
        Assert.Same(abuse, ModelRisk.Raise(abuse, "none"));
        Assert.Same(abuse, ModelRisk.Raise(abuse, null));
        Assert.Equal(new SafetyVerdict(true, SafetyCategories.Violence, true, 4, "lexicon+llm"), ModelRisk.Raise(abuse, "violence"));
        Assert.Equal(new SafetyVerdict(true, SafetyCategories.SelfHarm, true, 4, "llm"), ModelRisk.Raise(SafetyVerdict.Clear("lexicon"), "self_harm"));
    }

    [Fact]
    public async Task Model_saying_no_risk_keeps_the_lexicons_abuse_flag_on_the_turn()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Answer(ctx, "none", "I'm here to help."));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        await harness.RunAsync(await harness.QueueAsync("you are a useless idiot"));

        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(new SafetyOutcome(true, SafetyCategories.Abuse, SafetyAction.None), turn!.Safety);
        Assert.Equal("I'm here to help.", turn.Reply!.Text);
    }

    [Fact]
    public async Task Model_with_no_risk_and_a_plain_statement_answers_with_its_reply()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => Answer(ctx, "none", "Tomatoes love the sun."));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("I planted tomatoes today"));

        Assert.Equal(ReplySource.Llm, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal("Tomatoes love the sun.", turn!.Reply!.Text);
        Assert.Equal(SafetyOutcome.Clear, turn.Safety);
    }

    [Theory]
    [InlineData("Happy to hear about your garden.", "Happy to hear about your garden.", ReplySource.Llm)]
    [InlineData("{\"risk\":\"maybe\",\"reply\":\"Happy to hear it.\"}", "Happy to hear it.", ReplySource.Llm)]
    [InlineData("{\"risk\":\"self_harm\",\"rep", null, ReplySource.Fallback)]
    [InlineData("{\"risk\":\"none\"}", null, ReplySource.Fallback)]
    public async Task Malformed_judgement_never_blocks_or_fails_the_turn(string content, string? reply, ReplySource source)
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Chat(ctx, content));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("I planted tomatoes today"));

        Assert.Equal(TurnState.Completed, outcome.State);
        Assert.Equal(source, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(SafetyOutcome.Clear, turn!.Safety);
        if (reply is not null)
        {
            Assert.Equal(reply, turn.Reply!.Text);
        }

        Assert.DoesNotContain("{", turn.Reply!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_outage_never_blocks_or_fails_the_turn()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => OpenAiResponses.Error(ctx, 503, "unavailable"));
        var (harness, provider) = Harness(server);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("I planted tomatoes today"));

        Assert.Equal(TurnState.Completed, outcome.State);
        Assert.Equal(ReplySource.Fallback, outcome.ReplySource);
    }

    [Fact]
    public async Task Model_timeout_never_blocks_or_fails_the_turn()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), ctx.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            if (!ctx.RequestAborted.IsCancellationRequested)
            {
                await Answer(ctx, "self_harm", "late");
            }
        });
        var (harness, provider) = Harness(server, timeoutSeconds: 1);
        using var _ = provider;

        var outcome = await harness.RunAsync(await harness.QueueAsync("I planted tomatoes today"));

        Assert.Equal(TurnState.Completed, outcome.State);
        Assert.Equal(ReplySource.Fallback, outcome.ReplySource);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(SafetyOutcome.Clear, turn!.Safety);
    }

    private static Task Answer(HttpContext context, string risk, string reply) =>
        OpenAiResponses.Chat(context, JsonSerializer.Serialize(new { risk, reply }));

    private static (ActivitiesHarness Harness, ServiceProvider Provider) Harness(LoopbackServer server, int timeoutSeconds = 10)
    {
        var settings = OpenAiChatModelTests.Settings(new Uri(server.BaseUri, "v1/"), "llm-key");
        settings["VoiceMemory:Llm:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["VoiceMemory:Llm:MaxAttempts"] = "1";
        var provider = ProviderTestHost.Build(settings);
        var links = provider.GetRequiredService<ChatModelChain>().Links;
        return (new ActivitiesHarness([.. links]), provider);
    }
}
