using System.Text.Json;
using VoiceMemory.Memory;

namespace VoiceMemory.SelfHost.Storage;

/// <summary>Fact kinds as stored: the same lower-case names the JSON contract uses ("profile", "health", …).</summary>
internal static class FactKindNames
{
    private static readonly Dictionary<FactKind, string> Names = Enum.GetValues<FactKind>()
        .ToDictionary(kind => kind, kind => JsonSerializer.Serialize(kind, StorageJson.Options).Trim('"'));

    private static readonly Dictionary<string, FactKind> Kinds = Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    public static string ToName(FactKind kind) =>
        Names.TryGetValue(kind, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown fact kind.");

    public static FactKind Parse(string name) =>
        Kinds.TryGetValue(name, out var kind) ? kind : throw new InvalidOperationException($"Unknown stored fact kind '{name}'.");
}
