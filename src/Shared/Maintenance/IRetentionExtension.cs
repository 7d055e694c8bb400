namespace VoiceMemory.Maintenance;

/// <summary>
/// Host-specific retention work run after the shared rules (the self-host deletes finished runner jobs and
/// checkpoints; Azure purges Durable instance history). Its count is recorded under <see cref="Kind"/>.
/// </summary>
public interface IRetentionExtension
{
    /// <summary>The <c>kind</c> tag of <c>voicememory.retention.deleted</c>, e.g. <c>runner_job</c>.</summary>
    string Kind { get; }

    /// <summary>Deletes what has expired as of <paramref name="now"/>; returns how many items.</summary>
    Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
