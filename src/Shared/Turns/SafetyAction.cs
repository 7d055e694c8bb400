using System.Text.Json.Serialization;

namespace VoiceMemory.Turns;

/// <summary>What the safety screens did to a turn.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SafetyAction>))]
public enum SafetyAction
{
    [JsonStringEnumMemberName("none")] None,
    /// <summary>The user's words showed a crisis; the reply is the localized crisis message and no LLM ran.</summary>
    [JsonStringEnumMemberName("crisis_reply")] CrisisReply,
    /// <summary>The generated reply was flagged (or refused by a content filter) and replaced by a safe message.</summary>
    [JsonStringEnumMemberName("replaced")] Replaced,
}
