using System.Text.Json.Serialization;

namespace VoiceMemory.Turns;

/// <summary>Who produced the reply text.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReplySource>))]
public enum ReplySource
{
    /// <summary>No reply: the recording held no speech.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>The primary or backup LLM.</summary>
    [JsonStringEnumMemberName("llm")] Llm,
    /// <summary>The deterministic, memory-aware fallback responder.</summary>
    [JsonStringEnumMemberName("fallback")] Fallback,
    /// <summary>A crisis message or a safe replacement for a flagged reply.</summary>
    [JsonStringEnumMemberName("safety")] Safety,
}
