using Moq;
using VoiceMemory.Safety;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Workflow;

public sealed class VoiceTurnWorkflowTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly AudioRef Input = new("input/u1/t1.wav", "audio/wav", 1000);
    private static readonly AudioRef ReplyAudio = new("reply/u1/t1.mp3", "audio/mpeg", 500);

    private readonly Mock<ITurnSteps> steps = new(MockBehavior.Strict);

    private static TurnRequest Spoken() => new("t1", "u1", "en-US", Created, Input, null);

    private static TurnRequest Typed() => new("t1", "u1", "en-US", Created, null, "I like tea");

    private static UnderstandResult Understood(string text, SafetyVerdict? verdict = null, Reply? crisis = null) =>
        new(new Transcript(text, "en-US", 0.9), verdict ?? SafetyVerdict.Clear("lexicon"), crisis, 40, 2);

    [Fact]
    public async Task RunAsync_SpokenTurn_CallsFourStepsInOrderAndCompletes()
    {
        var request = Spoken();
        var order = new List<string>();
        var reply = new Reply("Nice to meet you, Alice.", ReplySource.Llm);
        steps.Setup(s => s.UnderstandAsync(request)).Callback(() => order.Add("understand")).ReturnsAsync(Understood("my name is alice"));
        steps.Setup(s => s.RespondAsync(It.Is<RespondInput>(i => i.Transcript.Text == "my name is alice" && i.Request == request && !i.InputVerdict.Flagged)))
            .Callback(() => order.Add("respond"))
            .ReturnsAsync(new RespondResult(reply, SafetyOutcome.Clear, 5, 300, 1, null));
        steps.Setup(s => s.SpeakAsync(new SpeakInput(request, reply))).Callback(() => order.Add("speak")).ReturnsAsync(new SpeakResult(ReplyAudio, 120));
        RememberInput? remembered = null;
        steps.Setup(s => s.RememberAsync(It.IsAny<RememberInput>()))
            .Callback<RememberInput>(i => { order.Add("remember"); remembered = i; })
            .ReturnsAsync(new RememberResult(1, 10));

        var outcome = await VoiceTurnWorkflow.RunAsync(request, steps.Object);

        Assert.Equal(["understand", "respond", "speak", "remember"], order);
        Assert.Equal(TurnOutcome.Completed("t1", ReplySource.Llm), outcome);
        Assert.NotNull(remembered);
        Assert.Equal(reply, remembered.Reply);
        Assert.Equal(ReplyAudio, remembered.ReplyAudio);
        Assert.Equal(new StageTimings(Transcribe: 40, Screen: 3, Recall: 5, Reply: 300, Speak: 120), remembered.Timings);
    }

    [Fact]
    public async Task RunAsync_TypedTurn_RunsTheSameStepsWithTheTypedRequest()
    {
        var request = Typed();
        var reply = new Reply("I'll remember you like tea.", ReplySource.Fallback);
        steps.Setup(s => s.UnderstandAsync(request)).ReturnsAsync(Understood("I like tea") with { TranscribeMs = null });
        steps.Setup(s => s.RespondAsync(It.IsAny<RespondInput>())).ReturnsAsync(new RespondResult(reply, SafetyOutcome.Clear, 1, 1, 1, "not_configured"));
        steps.Setup(s => s.SpeakAsync(It.IsAny<SpeakInput>())).ReturnsAsync(new SpeakResult(ReplyAudio, 100));
        steps.Setup(s => s.RememberAsync(It.Is<RememberInput>(i => i.Timings.Transcribe == null))).ReturnsAsync(new RememberResult(1, 3));

        var outcome = await VoiceTurnWorkflow.RunAsync(request, steps.Object);

        Assert.Equal(TurnState.Completed, outcome.State);
        Assert.Equal(ReplySource.Fallback, outcome.ReplySource);
        steps.Verify(s => s.RememberAsync(It.IsAny<RememberInput>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_EmptySpeech_CompletesAfterUnderstandWithNoReply()
    {
        var request = Spoken();
        steps.Setup(s => s.UnderstandAsync(request)).ReturnsAsync(Understood("  "));

        var outcome = await VoiceTurnWorkflow.RunAsync(request, steps.Object);

        Assert.Equal(TurnOutcome.Completed("t1", ReplySource.None), outcome);
        steps.Verify(s => s.UnderstandAsync(request), Times.Once);
        steps.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RunAsync_Crisis_SkipsRespondSpeaksCrisisReplyAndRemembersSafetyOutcome()
    {
        var request = Spoken();
        var crisis = new Reply("Please call or text 988.", ReplySource.Safety);
        var verdict = new SafetyVerdict(true, SafetyCategories.SelfHarm, true, 6, "lexicon");
        steps.Setup(s => s.UnderstandAsync(request)).ReturnsAsync(Understood("i want to end my life", verdict, crisis));
        steps.Setup(s => s.SpeakAsync(new SpeakInput(request, crisis))).ReturnsAsync(new SpeakResult(ReplyAudio, 90));
        steps.Setup(s => s.RememberAsync(It.Is<RememberInput>(i =>
                i.Reply == crisis &&
                i.Safety == new SafetyOutcome(true, SafetyCategories.SelfHarm, SafetyAction.CrisisReply) &&
                i.Timings.Recall == null && i.Timings.Reply == null)))
            .ReturnsAsync(new RememberResult(0, 4));

        var outcome = await VoiceTurnWorkflow.RunAsync(request, steps.Object);

        Assert.Equal(TurnOutcome.Completed("t1", ReplySource.Safety), outcome);
        steps.Verify(s => s.RespondAsync(It.IsAny<RespondInput>()), Times.Never);
        steps.Verify(s => s.RememberAsync(It.IsAny<RememberInput>()), Times.Once);
    }

    [Theory]
    [InlineData(StepNames.Understand)]
    [InlineData(StepNames.Respond)]
    [InlineData(StepNames.Speak)]
    [InlineData(StepNames.Remember)]
    public async Task RunAsync_StepFailsAfterRetries_MarksTurnFailedWithTheStepsCode(string failingStep)
    {
        var request = Spoken();
        var reply = new Reply("Hello.", ReplySource.Llm);
        var failure = new TurnStepFailedException(failingStep, ErrorCodes.EngineMissing, "pocketsphinx is not installed.");
        steps.Setup(s => s.UnderstandAsync(request)).Returns(failingStep == StepNames.Understand ? Task.FromException<UnderstandResult>(failure) : Task.FromResult(Understood("hello")));
        steps.Setup(s => s.RespondAsync(It.IsAny<RespondInput>())).Returns(failingStep == StepNames.Respond ? Task.FromException<RespondResult>(failure) : Task.FromResult(new RespondResult(reply, SafetyOutcome.Clear, 1, 1, 1, null)));
        steps.Setup(s => s.SpeakAsync(It.IsAny<SpeakInput>())).Returns(failingStep == StepNames.Speak ? Task.FromException<SpeakResult>(failure) : Task.FromResult(new SpeakResult(ReplyAudio, 1)));
        steps.Setup(s => s.RememberAsync(It.IsAny<RememberInput>())).Returns(failingStep == StepNames.Remember ? Task.FromException<RememberResult>(failure) : Task.FromResult(new RememberResult(0, 1)));
        steps.Setup(s => s.FailAsync(new TurnFailure(request, ErrorCodes.EngineMissing, "pocketsphinx is not installed."))).Returns(Task.CompletedTask);

        var outcome = await VoiceTurnWorkflow.RunAsync(request, steps.Object);

        Assert.Equal(TurnState.Failed, outcome.State);
        Assert.Equal(new TurnError(ErrorCodes.EngineMissing, "pocketsphinx is not installed."), outcome.Error);
        steps.Verify(s => s.FailAsync(It.IsAny<TurnFailure>()), Times.Once);
    }

    [Fact]
    public async Task RunAsync_Cancellation_IsNotTurnedIntoAFailure()
    {
        var request = Spoken();
        steps.Setup(s => s.UnderstandAsync(request)).ThrowsAsync(new OperationCanceledException());

        await Assert.ThrowsAsync<OperationCanceledException>(() => VoiceTurnWorkflow.RunAsync(request, steps.Object));
        steps.Verify(s => s.FailAsync(It.IsAny<TurnFailure>()), Times.Never);
    }
}
