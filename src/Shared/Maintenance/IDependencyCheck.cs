namespace VoiceMemory.Maintenance;

/// <summary>
/// A cheap check of one dependency (storage, an engine, a provider, disk, backups), run by the health probe.
/// <see cref="Critical"/> checks make the service unhealthy (503) when they fail; others only degrade it.
/// </summary>
public interface IDependencyCheck
{
    /// <summary>The dependency's name in <c>/api/health</c> and the <c>voicememory.health.status</c> metric.</summary>
    string Name { get; }

    /// <summary>True when the service cannot take turns without this dependency.</summary>
    bool Critical { get; }

    Task<DependencyHealth> CheckAsync(CancellationToken cancellationToken);
}
