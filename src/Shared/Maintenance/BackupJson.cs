using System.Text.Json;

namespace VoiceMemory.Maintenance;

/// <summary>JSON settings of backups: System.Text.Json web defaults (camelCase); computed get-only properties are left out.</summary>
internal static class BackupJson
{
    public static JsonSerializerOptions Records { get; } = new(JsonSerializerDefaults.Web) { IgnoreReadOnlyProperties = true };

    public static JsonSerializerOptions Manifest { get; } = new(JsonSerializerDefaults.Web) { IgnoreReadOnlyProperties = true, WriteIndented = true };
}
