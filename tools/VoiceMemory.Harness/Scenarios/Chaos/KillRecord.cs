namespace VoiceMemory.Harness.Scenarios.Chaos;

/// <summary>One kill -9: how long the server had been up, what the runner held at that moment, how long the restart took.</summary>
internal sealed record KillRecord(int Number, TimeSpan Uptime, int Pending, IReadOnlyList<string> Running, TimeSpan Restart);
