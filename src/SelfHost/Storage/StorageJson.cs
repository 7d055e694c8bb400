using System.Text.Json;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>JSON for stored records: web defaults (camelCase); the domain enums carry their own converters.</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
