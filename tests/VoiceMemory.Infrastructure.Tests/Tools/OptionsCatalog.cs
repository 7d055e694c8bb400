using System.ComponentModel;
using System.Reflection;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Infrastructure.Tests.Tools;

/// <summary>
/// Every options class the code binds: a type in a VoiceMemory assembly with a <c>public const string Section</c>
/// under <c>VoiceMemory:</c> (src/Shared/Configuration, and the host's own, e.g. the Azure storage options).
/// </summary>
internal static class OptionsCatalog
{
    /// <summary>Options classes by section; a section may have more than one (the host binds a subset of a section too).</summary>
    public static ILookup<string, Type> BySection { get; } = Discover();

    public static IEnumerable<Assembly> Assemblies =>
    [
        typeof(VoiceMemoryTelemetry).Assembly,
        Assembly.Load("VoiceMemory.Functions"),
    ];

    private static ILookup<string, Type> Discover()
    {
        var result = new List<(string Section, Type Type)>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            var field = type.GetField("Section", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string section && section.StartsWith("VoiceMemory:", StringComparison.Ordinal))
            {
                result.Add((section, type));
            }
        }

        return result.ToLookup(r => r.Section, r => r.Type, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Walks a configuration path (after the section) through the options type as the configuration binder would:
    /// public settable properties (case-insensitive), dictionary keys, nested classes. Returns why it does not bind, or null.
    /// </summary>
    public static string? WhyNotBound(Type type, IReadOnlyList<string> path)
    {
        var current = type;
        for (var i = 0; i < path.Count; i++)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(Dictionary<,>))
            {
                current = current.GetGenericArguments()[1];
                continue;
            }

            var property = current.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                return $"{current.Name} has no property '{path[i]}'";
            }

            if (property.SetMethod is not { IsPublic: true } && !(property.PropertyType.IsClass && property.PropertyType != typeof(string)))
            {
                return $"{current.Name}.{property.Name} cannot be set by configuration";
            }

            current = property.PropertyType;
        }

        // The binder sets a value from a string through the type's converter (string, numbers, enums, TimeSpan, Uri…).
        return TypeDescriptor.GetConverter(current).CanConvertFrom(typeof(string))
            ? null
            : $"the path ends at {current.Name}, which a configuration string cannot be converted to";
    }
}
