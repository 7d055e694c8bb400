using System.Text.Json;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>How step inputs and outputs are stored in jobs and checkpoints (the domain enums carry their own converters).</summary>
internal static class RunnerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
