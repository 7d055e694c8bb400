using System.Text.Json.Serialization;

namespace VoiceMemory.Maintenance;

/// <summary>Health of one dependency or of the whole service.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HealthState>))]
public enum HealthState
{
    [JsonStringEnumMemberName("healthy")] Healthy,
    [JsonStringEnumMemberName("degraded")] Degraded,
    [JsonStringEnumMemberName("unhealthy")] Unhealthy,
}
