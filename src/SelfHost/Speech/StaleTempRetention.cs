using VoiceMemory.Maintenance;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>
/// Daily retention of the temp folder: engine workspaces and spilled uploads left by a crash (see
/// <see cref="TempWorkspaceFactory.RemoveStale"/>). Without it they would only be swept when a restarted server
/// first runs an engine, and a long-running server would keep a killed upload's recording for good.
/// </summary>
public sealed class StaleTempRetention(TempWorkspaceFactory workspaces) : IRetentionExtension
{
    public string Kind => "temp_file";

    public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(workspaces.RemoveStale());
}
