using System.Diagnostics;
using VoiceMemory.Llm;
using VoiceMemory.Memory;
using VoiceMemory.Safety;

namespace VoiceMemory.SelfHost.Hosting;

/// <summary>
/// Compiles the turn's own hot paths right after start, in the background, so the first turn does not pay for it
/// (decision 0012). The self-host runs without tiered JIT (decision 0004): every method is compiled fully optimised at
/// its first call, and the safety lexicon's source-generated regexes are large, so a fresh server's first screen took
/// seconds. This runs the offline steps (lexicon screen, fact extraction, fallback reply) on sample sentences in both
/// languages. (Pre-compiling every generated regex method with RuntimeHelpers.PrepareMethod was measured and dropped:
/// it compiled far more than a turn uses and slowed the first turn it meant to speed up.) It touches no store and calls no
/// provider; the server listens meanwhile, and a turn that arrives early waits only for what is still compiling.
/// </summary>
public sealed partial class StartupWarmup(
    LexiconSafetyScreen screen,
    HeuristicFactExtractor extractor,
    FallbackResponder responder,
    ILogger<StartupWarmup> logger) : IHostedService
{
    private static readonly (string Text, string Locale)[] Samples =
    [
        ("Hello, my name is Alice and I am allergic to peanuts. My daughter Emma visits on Sunday.", "en-US"),
        ("What am I allergic to? Do you remember my name? I take aspirin every morning.", "en-US"),
        ("I feel sad and lonely today, my knee hurts and I don't want to go out.", "en-US"),
        ("我叫小明，我对花生过敏。我女儿周日来看我。", "zh-CN"),
        ("我对什么过敏？你还记得我吗？我每天早上吃药。", "zh-CN"),
    ];

    private Task? warming;

    /// <summary>Completes when the warm-up has finished (for tests and the benchmark's log line).</summary>
    public Task Completion => warming ?? Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        warming = Task.Run(Warm, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Warm()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var (text, locale) in Samples)
            {
                screen.Screen(text, locale, ScreenTarget.UserInput);
                var facts = extractor.Extract(text, locale);
                var reply = responder.Respond(text, MemoryContext.Empty, locale);
                screen.Screen(reply, locale, ScreenTarget.Reply);
                _ = facts.Count;
            }

            LogWarmed(logger, (long)clock.Elapsed.TotalMilliseconds);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // Only a missed optimisation: the first turn compiles whatever is left, as before.
            LogFailed(logger, error);
        }
    }

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Warm-up ran the offline steps in {Milliseconds} ms")]
    private static partial void LogWarmed(ILogger logger, long milliseconds);

    [LoggerMessage(EventId = 1902, Level = LogLevel.Warning, Message = "Warm-up failed; the first turn compiles what is left")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
