using VoiceMemory.Api;

namespace VoiceMemory.Benchmarks.Workers;

/// <summary>One batch run: its finished turns, first acceptance → last completion, the server's own CPU, and the cores other processes used meanwhile.</summary>
public sealed record BatchResult(IReadOnlyList<TurnStatusBody> Turns, TimeSpan Elapsed, TimeSpan ServerCpu, double ForeignCores);
