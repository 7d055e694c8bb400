using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Runner;

/// <summary>Retention of the runner's bookkeeping: finished jobs older than a day are deleted (with any checkpoints left).</summary>
public sealed class FinishedJobRetention(SqliteJobStore jobs) : IRetentionExtension
{
    /// <summary>How long a finished job's row is kept (for diagnosis) before retention deletes it.</summary>
    public static readonly TimeSpan KeepFinished = TimeSpan.FromDays(1);

    public string Kind => "runner_job";

    public Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        jobs.DeleteFinishedOlderThanAsync(now - KeepFinished, cancellationToken);
}
