using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>Erasure removes the user's runner jobs and checkpoints (checkpoints hold transcripts).</summary>
public sealed class RunnerJobEraser(SqliteJobStore jobs) : IUserDataEraser
{
    public Task EraseAsync(string userId, CancellationToken cancellationToken) => jobs.DeleteUserJobsAsync(userId, cancellationToken);
}
