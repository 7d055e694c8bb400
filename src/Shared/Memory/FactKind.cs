using System.Text.Json.Serialization;

namespace VoiceMemory.Memory;

/// <summary>The kind of a remembered fact.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FactKind>))]
public enum FactKind
{
    [JsonStringEnumMemberName("profile")] Profile,
    [JsonStringEnumMemberName("preference")] Preference,
    [JsonStringEnumMemberName("health")] Health,
    [JsonStringEnumMemberName("relationship")] Relationship,
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("note")] Note,
}
