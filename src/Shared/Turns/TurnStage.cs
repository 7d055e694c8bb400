using System.Text.Json.Serialization;

namespace VoiceMemory.Turns;

/// <summary>The finer stage a running turn is in; recorded by the activities in the turn store.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TurnStage>))]
public enum TurnStage
{
    [JsonStringEnumMemberName("transcribing")] Transcribing,
    [JsonStringEnumMemberName("screening")] Screening,
    [JsonStringEnumMemberName("recalling")] Recalling,
    [JsonStringEnumMemberName("replying")] Replying,
    [JsonStringEnumMemberName("speaking")] Speaking,
    [JsonStringEnumMemberName("remembering")] Remembering,
}
