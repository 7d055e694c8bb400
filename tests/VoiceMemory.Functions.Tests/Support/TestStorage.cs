using Azure.Data.Tables;
using VoiceMemory.Functions.Hosting;

namespace VoiceMemory.Functions.Tests.Support;

/// <summary>
/// Azurite, started by scripts/test.sh (<c>source scripts/azurite.sh; azurite_start</c>), which exports
/// <c>VOICEMEMORY_TEST_STORAGE</c>. Its absence fails the test: a missing tool is a failure, never a skip.
/// </summary>
internal static class TestStorage
{
    public const string Variable = "VOICEMEMORY_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the tests through scripts/test.sh, or `source scripts/azurite.sh; azurite_start` first.");

    /// <summary>The host's tables under a prefix of their own, so tests running side by side never meet.</summary>
    public static HostTables NewHostTables() => new(new TableServiceClient(ConnectionString), "t" + Guid.NewGuid().ToString("N")[..10]);
}
