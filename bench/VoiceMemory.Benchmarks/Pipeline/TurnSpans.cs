namespace VoiceMemory.Benchmarks.Pipeline;

/// <summary>One turn as its spans saw it: the runner span's length and each engine process it ran.</summary>
public sealed record TurnSpans(string TurnId, TimeSpan RunnerSpan, IReadOnlyList<(string Engine, TimeSpan Elapsed)> EngineRuns)
{
    public TimeSpan EngineTotal => TimeSpan.FromTicks(EngineRuns.Sum(r => r.Elapsed.Ticks));
}
