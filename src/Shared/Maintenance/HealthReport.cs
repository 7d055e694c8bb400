namespace VoiceMemory.Maintenance;

/// <summary>The outcome of one health probe run: the overall status, each dependency's result by name, and when.</summary>
public sealed record HealthReport(HealthState Status, IReadOnlyDictionary<string, DependencyHealth> Checks, DateTimeOffset CheckedAt);
