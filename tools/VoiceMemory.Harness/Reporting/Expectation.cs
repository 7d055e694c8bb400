namespace VoiceMemory.Harness.Reporting;

/// <summary>One thing a scenario promises, whether it held, and the measured value that decided it.</summary>
internal sealed record Expectation(string Name, bool Met, string Detail);
