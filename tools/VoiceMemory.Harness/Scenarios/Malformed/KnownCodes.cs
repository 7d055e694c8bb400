using System.Reflection;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>The stable error codes of the contract: every constant of <see cref="ErrorCodes"/>.</summary>
internal static class KnownCodes
{
    public static IReadOnlySet<string> All { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
