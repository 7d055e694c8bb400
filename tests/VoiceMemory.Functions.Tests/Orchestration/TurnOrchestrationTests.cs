using Microsoft.DurableTask.Client;
using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Functions.Tests.Support;
using VoiceMemory.Llm;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Orchestration;

/// <summary>The turn orchestration under real Durable replay, with the real activities behind the activity functions.</summary>
public sealed class TurnOrchestrationTests
{
    private const string Hello = "Hello, my name is Alice and I am allergic to peanuts.";

    private static void Hears(DurableHarness harness, string text) =>
        harness.Activities.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Transcript(text, "en-US", 0.9));

    private static Mock<IChatModel> Model(string name)
    {
        var model = new Mock<IChatModel>();
        model.SetupGet(m => m.Name).Returns(name);
        return model;
    }

    [Fact]
    public async Task SpokenTurn_RunsFourActivities_AndCompletes()
    {
        await using var harness = await DurableHarness.StartAsync();
        Hears(harness, Hello);
        var request = await harness.Activities.QueueAsync();

        var finished = await harness.RunAsync(request);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        var outcome = finished.ReadOutputAs<TurnOutcome>()!;
        Assert.Equal(TurnState.Completed, outcome.State);
        Assert.Equal(ReplySource.Fallback, outcome.ReplySource);
        Assert.Equal(1, harness.Calls(StepNames.Understand));
        Assert.Equal(1, harness.Calls(StepNames.Respond));
        Assert.Equal(1, harness.Calls(StepNames.Speak));
        Assert.Equal(1, harness.Calls(StepNames.Remember));
        Assert.Equal(4, harness.TotalCalls);

        // One episode to start and one per activity result.
        Assert.Equal(5, harness.Episodes);
        var turn = await harness.Activities.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(TurnState.Completed, turn!.State);
        Assert.NotNull(turn.ReplyAudio);
        var facts = await harness.Activities.Memory.ListFactsAsync("u1", 10, CancellationToken.None);
        Assert.Contains(facts, f => f.Text.Contains("peanut", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TypedTurn_SkipsTranscription()
    {
        await using var harness = await DurableHarness.StartAsync();
        var request = await harness.Activities.QueueAsync("I like green tea.");

        var finished = await harness.RunAsync(request);

        Assert.Equal(TurnState.Completed, finished.ReadOutputAs<TurnOutcome>()!.State);
        Assert.Equal(4, harness.TotalCalls);
        Assert.Equal(5, harness.Episodes);
        harness.Activities.Stt.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task EmptySpeech_OneActivityCall_CompletedWithoutReply()
    {
        await using var harness = await DurableHarness.StartAsync();
        Hears(harness, "");
        var request = await harness.Activities.QueueAsync();

        var finished = await harness.RunAsync(request);

        var outcome = finished.ReadOutputAs<TurnOutcome>()!;
        Assert.Equal(ReplySource.None, outcome.ReplySource);
        Assert.Equal(1, harness.TotalCalls);
        Assert.Equal(2, harness.Episodes);
        var turn = await harness.Activities.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(TurnState.Completed, turn!.State);
    }

    [Fact]
    public async Task Crisis_NoRespondCall_NothingOfTheWordsRemembered()
    {
        var primary = Model("primary");
        await using var harness = await DurableHarness.StartAsync(primary.Object);
        var request = await harness.Activities.QueueAsync("I want to end my life tonight, I have the pills ready.");

        var finished = await harness.RunAsync(request);

        Assert.Equal(ReplySource.Safety, finished.ReadOutputAs<TurnOutcome>()!.ReplySource);
        Assert.Equal(0, harness.Calls(StepNames.Respond));
        Assert.Equal(3, harness.TotalCalls);
        Assert.Equal(4, harness.Episodes);
        primary.Verify(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>()), Times.Never);
        var turn = await harness.Activities.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Null(turn!.Transcript);
        Assert.Contains("988", turn.Reply!.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Activities.Memory.ListFactsAsync("u1", 10, CancellationToken.None));
        var journal = string.Join('\n', (await harness.Activities.Memory.ReadJournalAsync("u1", CancellationToken.None)).Select(d => d.Markdown));
        Assert.DoesNotContain("pills", journal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task LlmOutage_FallsBackToTheFallbackResponder()
    {
        var primary = Model("primary");
        primary.Setup(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ChatModelException(ChatFailure.Unavailable, "down"));
        await using var harness = await DurableHarness.StartAsync(primary.Object);
        Hears(harness, Hello);
        var request = await harness.Activities.QueueAsync();

        var finished = await harness.RunAsync(request);

        Assert.Equal(ReplySource.Fallback, finished.ReadOutputAs<TurnOutcome>()!.ReplySource);
        Assert.Equal(4, harness.TotalCalls);
    }

    [Fact]
    public async Task TransientActivityFailure_IsRetried_AndTheTurnCompletes()
    {
        await using var harness = await DurableHarness.StartAsync();
        harness.Activities.Stt.SetupSequence(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new VoiceMemoryException(ErrorCodes.ProviderTimeout, "Speech timed out.", isTransient: true))
            .ReturnsAsync(new Transcript(Hello, "en-US", 0.9));
        var request = await harness.Activities.QueueAsync();

        var finished = await harness.RunAsync(request);

        Assert.Equal(TurnState.Completed, finished.ReadOutputAs<TurnOutcome>()!.State);
        Assert.Equal(2, harness.Calls(StepNames.Understand));
        Assert.Equal(0, harness.Calls(StepNames.Fail));
    }

    [Fact]
    public async Task PermanentActivityFailure_IsNotRetried_AndFailsTheTurnWithItsCode()
    {
        await using var harness = await DurableHarness.StartAsync();
        harness.Activities.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new VoiceMemoryException(ErrorCodes.UnsupportedLocale, "That language is not supported."));
        var request = await harness.Activities.QueueAsync();

        var finished = await harness.RunAsync(request);

        var outcome = finished.ReadOutputAs<TurnOutcome>()!;
        Assert.Equal(TurnState.Failed, outcome.State);
        Assert.Equal(ErrorCodes.UnsupportedLocale, outcome.Error!.Code);
        Assert.Equal(1, harness.Calls(StepNames.Understand));
        Assert.Equal(1, harness.Calls(StepNames.Fail));
        Assert.Equal(3, harness.Episodes);
        var turn = await harness.Activities.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(TurnState.Failed, turn!.State);
        Assert.Equal(ErrorCodes.UnsupportedLocale, turn.Error!.Code);
    }

    [Fact]
    public async Task SameTurnStartedTwice_RunsOnce()
    {
        await using var harness = await DurableHarness.StartAsync();
        var request = await harness.Activities.QueueAsync("Remember that my sister is Beth.");

        var starts = await Task.WhenAll(
            harness.Scheduler.StartAsync(harness.Client, request, CancellationToken.None),
            harness.Scheduler.StartAsync(harness.Client, request, CancellationToken.None));
        await harness.WaitAsync(request.TurnId);
        var afterCompletion = await harness.Scheduler.StartAsync(harness.Client, request, CancellationToken.None);

        Assert.Single(starts, started => started);
        Assert.False(afterCompletion);
        Assert.Equal(1, harness.Calls(StepNames.Understand));
        Assert.Equal(1, harness.Calls(StepNames.Remember));
    }
}
