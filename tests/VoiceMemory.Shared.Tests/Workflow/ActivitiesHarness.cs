using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using VoiceMemory.Configuration;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Safety;
using VoiceMemory.Speech;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Doubles;
using VoiceMemory.Turns;

namespace VoiceMemory.Tests.Workflow;

/// <summary>
/// <see cref="TurnActivities"/> with the real policies (lexicon, extractor, recall, fallback, prompts), in-memory
/// stores faithful to the ports, and mocked providers (speech engines and chat models).
/// </summary>
internal sealed class ActivitiesHarness
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public ActivitiesHarness(params IChatModel[] links)
    {
        Time = new ManualTimeProvider(Now);
        Audio = new InMemoryAudioStore(Time);
        Tts.Setup(t => t.SynthesizeAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SynthesizedSpeech([0xFF, 0xF3, 0x44, 0xC4], "audio/mpeg", ".mp3"));
        Links = links;
    }

    public ManualTimeProvider Time { get; }

    public InMemoryTurnStore Turns { get; } = new();

    public InMemoryAudioStore Audio { get; }

    public InMemoryMemoryStore Memory { get; } = new();

    public Mock<ISpeechToText> Stt { get; } = new();

    public Mock<ITextToSpeech> Tts { get; } = new();

    public IReadOnlyList<IChatModel> Links { get; }

    public ISafetyScreen Safety { get; set; } = new LexiconSafetyScreen();

    /// <summary>The activities; <paramref name="turnStore"/> replaces the in-memory turn store (e.g. to record stages).</summary>
    public TurnActivities Build(ITurnStore? turnStore = null)
    {
        var turns = turnStore ?? Turns;
        var memoryOptions = Options.Create(new MemoryOptions());
        var ranker = new RecallRanker(memoryOptions, Time);
        var recall = new RecallService(Memory, turns, ranker, memoryOptions);
        var prompts = new PromptBuilder(Options.Create(new LlmOptions()), memoryOptions);
        var chain = new ReplyChain(new ChatModelChain(Links), prompts, new FallbackResponder(), NullLogger<ReplyChain>.Instance);
        return new TurnActivities(
            turns,
            Audio,
            Memory,
            Stt.Object,
            Tts.Object,
            Safety,
            new HeuristicFactExtractor(),
            recall,
            chain,
            new SafetyMessages(Options.Create(new SafetyOptions())),
            Time,
            NullLogger<TurnActivities>.Instance);
    }

    /// <summary>Records a queued turn the way the intake does and returns its request.</summary>
    public async Task<TurnRequest> QueueAsync(string? typedText = null, string locale = "en-US", string turnId = "t1", string userId = "u1")
    {
        AudioRef? input = null;
        if (typedText is null)
        {
            using var wav = new MemoryStream([0x52, 0x49, 0x46, 0x46]);
            input = await Audio.SaveAsync($"input/{userId}/{turnId}.wav", wav, "audio/wav", CancellationToken.None);
        }

        await Turns.AddAsync(
            new TurnRecord
            {
                TurnId = turnId,
                UserId = userId,
                State = TurnState.Queued,
                CreatedAt = Now,
                UpdatedAt = Now,
                Locale = locale,
                InputAudio = input,
                Typed = typedText is not null,
                Transcript = typedText is null ? null : new Transcript(typedText, locale, 1),
            },
            CancellationToken.None);
        return new TurnRequest(turnId, userId, locale, Now, input, typedText);
    }

    /// <summary>Runs the workflow over these activities directly (no host retries).</summary>
    public Task<TurnOutcome> RunAsync(TurnRequest request) => VoiceTurnWorkflow.RunAsync(request, new DirectSteps(Build()));

    internal sealed class DirectSteps(TurnActivities activities) : ITurnSteps
    {
        public Task<UnderstandResult> UnderstandAsync(TurnRequest request) => Wrap(StepNames.Understand, () => activities.UnderstandAsync(request, CancellationToken.None));

        public Task<RespondResult> RespondAsync(RespondInput input) => Wrap(StepNames.Respond, () => activities.RespondAsync(input, CancellationToken.None));

        public Task<SpeakResult> SpeakAsync(SpeakInput input) => Wrap(StepNames.Speak, () => activities.SpeakAsync(input, CancellationToken.None));

        public Task<RememberResult> RememberAsync(RememberInput input) => Wrap(StepNames.Remember, () => activities.RememberAsync(input, CancellationToken.None));

        public Task FailAsync(TurnFailure failure) => activities.FailAsync(failure, CancellationToken.None);

        private static async Task<T> Wrap<T>(string step, Func<Task<T>> run)
        {
            try
            {
                return await run();
            }
            catch (VoiceMemoryException error)
            {
                throw new TurnStepFailedException(step, error.Code, error.Message, error);
            }
        }
    }
}
