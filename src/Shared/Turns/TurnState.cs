using System.Text.Json.Serialization;

namespace VoiceMemory.Turns;

/// <summary>Lifecycle state of a turn as a client sees it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TurnState>))]
public enum TurnState
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
}
