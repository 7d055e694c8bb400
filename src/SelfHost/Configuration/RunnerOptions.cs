using System.ComponentModel.DataAnnotations;

namespace VoiceMemory.SelfHost.Configuration;

/// <summary>The checkpointed turn runner (<c>VoiceMemory:Runner</c>).</summary>
public sealed class RunnerOptions
{
    public const string Section = "VoiceMemory:Runner";

    /// <summary>
    /// Concurrent workers. Default 2. 0 makes the server accept-only: it takes uploads, stores them and queues their
    /// turns, but runs none — for a front node that only ingests while another process (same data root) runs the
    /// turns, for draining a machine before maintenance, and for measuring ingest on its own. Queued turns run once a
    /// server with workers starts on the same data root.
    /// </summary>
    [Range(0, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>How long a claimed job is leased before another worker may reclaim it.</summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per step before the turn fails.</summary>
    [Range(1, 20)]
    public int MaxStepAttempts { get; set; } = 4;

    /// <summary>
    /// Interrupted or rescheduled runs of one turn (a crash mid-turn, a lost lease, an unfinished workflow) before the
    /// turn is failed with <c>step_failed</c>; protects against a turn that crashes the process every time.
    /// </summary>
    [Range(1, 1000)]
    public int MaxJobAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often idle workers look for due jobs.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long shutdown waits for in-flight steps.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
