using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Llm;
using VoiceMemory.Safety;
using VoiceMemory.Speech;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Workflow;

public sealed class TurnActivitiesTests
{
    private static Mock<IChatModel> Model(string name)
    {
        var model = new Mock<IChatModel>(MockBehavior.Strict);
        model.SetupGet(m => m.Name).Returns(name);
        return model;
    }

    private static void Answers(Mock<IChatModel> model, string text, ChatFinish finish = ChatFinish.Stop) =>
        model.Setup(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ChatCompletion(text, finish, model.Object.Name));

    private static void Fails(Mock<IChatModel> model, ChatFailure failure) =>
        model.Setup(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>())).ThrowsAsync(new ChatModelException(failure, "down"));

    private static async Task<RespondResult> RespondAsync(ActivitiesHarness harness, string text)
    {
        var request = await harness.QueueAsync(text);
        return await harness.Build().RespondAsync(new RespondInput(request, new Transcript(text, "en-US", 1), SafetyVerdict.Clear("lexicon")), CancellationToken.None);
    }

    [Theory]
    [InlineData(ChatFailure.Throttled)]
    [InlineData(ChatFailure.Timeout)]
    [InlineData(ChatFailure.Unavailable)]
    [InlineData(ChatFailure.CircuitOpen)]
    public async Task Respond_PrimaryFails_BackupAnswers(ChatFailure failure)
    {
        var primary = Model("primary");
        var backup = Model("backup");
        Fails(primary, failure);
        Answers(backup, "Hello from the backup.");
        var harness = new ActivitiesHarness(primary.Object, backup.Object);

        var result = await RespondAsync(harness, "How are you today?");

        Assert.Equal(new Reply("Hello from the backup.", ReplySource.Llm), result.Reply);
        Assert.Null(result.FallbackReason);
        Assert.Equal(SafetyOutcome.Clear, result.Safety);
    }

    [Fact]
    public async Task Respond_BothLinksDown_FallbackAnswersFromMemoryAndSaysWhy()
    {
        var primary = Model("primary");
        var backup = Model("backup");
        Fails(primary, ChatFailure.Throttled);
        Fails(backup, ChatFailure.Unavailable);
        var harness = new ActivitiesHarness(primary.Object, backup.Object);
        await harness.Memory.UpsertFactsAsync("u1", "t0", new VoiceMemory.Memory.HeuristicFactExtractor().Extract("I am allergic to peanuts.", "en-US"), ActivitiesHarness.Now, CancellationToken.None);

        var result = await RespondAsync(harness, "What am I allergic to?");

        Assert.Equal(ReplySource.Fallback, result.Reply.Source);
        Assert.Contains("peanut", result.Reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("unavailable", result.FallbackReason);
    }

    [Fact]
    public async Task Respond_NoLlmConfigured_FallbackWithReasonNotConfigured()
    {
        var harness = new ActivitiesHarness();

        var result = await RespondAsync(harness, "My name is Alice.");

        Assert.Equal(ReplySource.Fallback, result.Reply.Source);
        Assert.Equal("not_configured", result.FallbackReason);
        Assert.Contains("Alice", result.Reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Respond_ContentFilterRefusal_IsASafetyOutcomeAndStopsTheChain()
    {
        var primary = Model("primary");
        var backup = Model("backup");
        Answers(primary, "", ChatFinish.ContentFilter);
        var harness = new ActivitiesHarness(primary.Object, backup.Object);

        var result = await RespondAsync(harness, "Tell me something.");

        Assert.Equal(ReplySource.Safety, result.Reply.Source);
        Assert.False(string.IsNullOrWhiteSpace(result.Reply.Text));
        Assert.Equal(new SafetyOutcome(true, SafetyCategories.ContentFilter, SafetyAction.Replaced), result.Safety);
        backup.Verify(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Respond_FlaggedReply_IsReplacedWithASafeMessage()
    {
        var primary = Model("primary");
        const string harmful = "You should kill yourself, nobody would care.";
        Answers(primary, harmful);
        var harness = new ActivitiesHarness(primary.Object);

        var result = await RespondAsync(harness, "I had a bad day.");

        Assert.Equal(ReplySource.Safety, result.Reply.Source);
        Assert.DoesNotContain("kill", result.Reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(result.Safety.Flagged);
        Assert.Equal(SafetyAction.Replaced, result.Safety.Action);
    }

    [Fact]
    public async Task Workflow_SpokenTurn_RecordsEveryStageInOrderAndCompletes()
    {
        var harness = new ActivitiesHarness();
        var stages = new StageRecordingTurnStore(harness.Turns);
        var request = await harness.QueueAsync();
        harness.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), AudioFormat.Wav, "en-US", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Transcript("my name is alice and i am allergic to peanuts", "en-US", 0.9));
        var activities = harness.Build(stages);

        var outcome = await VoiceTurnWorkflow.RunAsync(request, new ActivitiesHarness.DirectSteps(activities));

        Assert.Equal(TurnState.Completed, outcome.State);
        var expected = new TurnStage?[] { TurnStage.Transcribing, TurnStage.Screening, TurnStage.Recalling, TurnStage.Replying, TurnStage.Speaking, TurnStage.Remembering, null };
        Assert.Equal(expected, stages.Saves.Select(s => s.Stage).ToArray());
        Assert.Equal(TurnState.Completed, stages.Saves[^1].State);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.NotNull(turn!.ReplyAudio);
        Assert.Equal("reply/u1/t1.mp3", turn.ReplyAudio.Key);
        Assert.NotNull(turn.Timings.Total);
    }

    [Fact]
    public async Task Remember_RunTwice_LeavesOneTurnAndNoDuplicateFactsOrJournalLines()
    {
        var harness = new ActivitiesHarness();
        var request = await harness.QueueAsync("My name is Alice and I am allergic to peanuts.");
        var activities = harness.Build();
        var transcript = new Transcript("My name is Alice and I am allergic to peanuts.", "en-US", 1);
        var input = new RememberInput(request, transcript, new Reply("Nice to meet you, Alice.", ReplySource.Fallback), SafetyOutcome.Clear, new AudioRef("reply/u1/t1.mp3", "audio/mpeg", 4), new StageTimings());

        var first = await activities.RememberAsync(input, CancellationToken.None);
        var factsAfterFirst = await harness.Memory.ListFactsAsync("u1", 100, CancellationToken.None);
        await activities.RememberAsync(input, CancellationToken.None);

        Assert.True(first.FactsStored >= 2);
        Assert.Single(harness.Turns.All);
        var facts = await harness.Memory.ListFactsAsync("u1", 100, CancellationToken.None);
        Assert.Equal(factsAfterFirst.Select(f => f.Id).Order(), facts.Select(f => f.Id).Order());
        var journal = string.Join('\n', (await harness.Memory.ReadJournalAsync("u1", CancellationToken.None)).Select(d => d.Markdown));
        Assert.Single(journal.Split('\n'), line => line.Contains("Nice to meet you", StringComparison.Ordinal));
    }

    // Found by the fault harness (diskfull): the MP3 encoder failed on the full disk, the first run of the step kept a
    // WAV reply, its checkpoint could not be stored, and the re-run stored an MP3 next to it: two replies for one turn.
    [Fact]
    public async Task Speak_RunAgainInAnotherFormat_LeavesOneReplyAudio()
    {
        var harness = new ActivitiesHarness();
        var request = await harness.QueueAsync("I like tea.");
        var activities = harness.Build();
        var input = new SpeakInput(request, new Reply("I will remember that you like tea.", ReplySource.Fallback));
        harness.Tts.Setup(t => t.SynthesizeAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SynthesizedSpeech([0x52, 0x49, 0x46, 0x46], "audio/wav", ".wav"));
        await activities.SpeakAsync(input, CancellationToken.None);
        harness.Tts.Setup(t => t.SynthesizeAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SynthesizedSpeech([0xFF, 0xF3, 0x44, 0xC4], "audio/mpeg", ".mp3"));

        var second = await activities.SpeakAsync(input, CancellationToken.None);

        Assert.Equal("reply/u1/t1.mp3", second.ReplyAudio.Key);
        Assert.Equal(["reply/u1/t1.mp3"], harness.Audio.Keys.Where(k => k.StartsWith("reply/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Workflow_EmptySpeech_CompletesWithoutSpeakingOrRemembering()
    {
        var harness = new ActivitiesHarness();
        var request = await harness.QueueAsync();
        harness.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Transcript("", "en-US", 0));

        var outcome = await harness.RunAsync(request);

        Assert.Equal(TurnOutcome.Completed("t1", ReplySource.None), outcome);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(TurnState.Completed, turn!.State);
        Assert.Equal(Reply.None, turn.Reply);
        harness.Tts.VerifyNoOtherCalls();
        Assert.Empty(await harness.Memory.ReadJournalAsync("u1", CancellationToken.None));
    }

    [Fact]
    public async Task Workflow_Crisis_NoLlmCallAndNothingOfTheWordsKept()
    {
        var primary = Model("primary");
        var harness = new ActivitiesHarness(primary.Object);
        var request = await harness.QueueAsync("I want to end my life tonight, I have the pills ready.");

        var outcome = await harness.RunAsync(request);

        Assert.Equal(ReplySource.Safety, outcome.ReplySource);
        primary.Verify(m => m.CompleteAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>()), Times.Never);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Null(turn!.Transcript);
        Assert.Equal(SafetyAction.CrisisReply, turn.Safety!.Action);
        Assert.Contains("988", turn.Reply!.Text, StringComparison.Ordinal);
        Assert.Empty(await harness.Memory.ListFactsAsync("u1", 10, CancellationToken.None));
        var journal = string.Join('\n', (await harness.Memory.ReadJournalAsync("u1", CancellationToken.None)).Select(d => d.Markdown));
        Assert.DoesNotContain("pills", journal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Workflow_OfflineSttRefusesTheLocale_TurnFailsWithThatCode()
    {
        var harness = new ActivitiesHarness();
        var request = await harness.QueueAsync(locale: "zh-CN");
        harness.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), "zh-CN", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new VoiceMemoryException(ErrorCodes.UnsupportedLocale, "Offline speech recognition supports English only."));

        var outcome = await harness.RunAsync(request);

        Assert.Equal(TurnState.Failed, outcome.State);
        var turn = await harness.Turns.GetAsync("u1", "t1", CancellationToken.None);
        Assert.Equal(TurnState.Failed, turn!.State);
        Assert.Equal(ErrorCodes.UnsupportedLocale, turn.Error!.Code);
        Assert.Null(turn.Stage);
    }

    [Fact]
    public async Task Understand_TurnErasedMeanwhile_FailsWithNotFoundAndWritesNothing()
    {
        var harness = new ActivitiesHarness();
        var request = new TurnRequest("gone", "u1", "en-US", ActivitiesHarness.Now, null, "hello");

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() => harness.Build().UnderstandAsync(request, CancellationToken.None));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Empty(harness.Turns.All);
    }
}
