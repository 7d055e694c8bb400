namespace VoiceMemory.Maintenance;

/// <summary>The result of one dependency check. <see cref="Detail"/> holds no secrets and no user data.</summary>
public sealed record DependencyHealth(HealthState Status, string Detail)
{
    public static DependencyHealth Healthy(string detail) => new(HealthState.Healthy, detail);

    public static DependencyHealth Degraded(string detail) => new(HealthState.Degraded, detail);

    public static DependencyHealth Unhealthy(string detail) => new(HealthState.Unhealthy, detail);
}
