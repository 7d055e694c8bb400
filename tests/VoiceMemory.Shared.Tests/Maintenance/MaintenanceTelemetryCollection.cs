using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

/// <summary>Tests that read the process-wide VoiceMemory meter run one at a time, so their counts do not mix.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MaintenanceTelemetryCollection
{
    public const string Name = "Maintenance telemetry";
}
