using VoiceMemory.Maintenance;

namespace VoiceMemory.Functions.Maintenance;

/// <summary>The <c>/api/health</c> answer (the same shape as the self-host's).</summary>
public sealed record HealthBody(HealthState Status, DateTimeOffset CheckedAt, IReadOnlyDictionary<string, DependencyHealth> Checks);
