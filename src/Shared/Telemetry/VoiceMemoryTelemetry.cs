using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VoiceMemory.Telemetry;

/// <summary>
/// The <c>VoiceMemory</c> ActivitySource and Meter, and every instrument of DESIGN.md section 9. Alert rules and
/// the ops workbook are built on these names: change them only together.
/// </summary>
public static class VoiceMemoryTelemetry
{
    /// <summary>The name of the ActivitySource and the Meter.</summary>
    public const string Name = "VoiceMemory";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Finished turns [outcome = completed|failed].</summary>
    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("voicememory.turns", description: "Finished turns by outcome.");

    /// <summary>Wall time of a turn from acceptance to completion (ms).</summary>
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("voicememory.turn.duration", unit: "ms", description: "Turn duration from acceptance to completion.");

    /// <summary>Time per stage (ms) [stage].</summary>
    public static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("voicememory.stage.duration", unit: "ms", description: "Time spent per stage.");

    /// <summary>Safety flags [category, action].</summary>
    public static readonly Counter<long> SafetyFlags = Meter.CreateCounter<long>("voicememory.safety.flags", description: "Turns flagged by the safety screens.");

    /// <summary>Replies from the fallback responder [reason].</summary>
    public static readonly Counter<long> FallbackReplies = Meter.CreateCounter<long>("voicememory.replies.fallback", description: "Replies answered by the fallback responder.");

    /// <summary>Backup runs [outcome = success|failure].</summary>
    public static readonly Counter<long> BackupRuns = Meter.CreateCounter<long>("voicememory.backup.runs", description: "Backup runs by outcome.");

    /// <summary>Items deleted by retention [kind].</summary>
    public static readonly Counter<long> RetentionDeleted = Meter.CreateCounter<long>("voicememory.retention.deleted", description: "Items deleted by retention.");

    /// <summary>Accepted turns found queued without a running workflow and scheduled again [host].</summary>
    public static readonly Counter<long> TurnsRescheduled = Meter.CreateCounter<long>("voicememory.turns.rescheduled", description: "Accepted turns that had no running workflow and were scheduled again.");

    /// <summary>Requests refused by the per-user rate limit [host].</summary>
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("voicememory.requests.rate_limited", description: "Requests refused by the per-user rate limit.");

    /// <summary>
    /// LLM tokens per call, the OpenTelemetry GenAI metric [gen_ai.operation.name, gen_ai.provider.name,
    /// gen_ai.request.model, gen_ai.response.model, gen_ai.token.type = input|output].
    /// </summary>
    public static readonly Histogram<long> TokenUsage = Meter.CreateHistogram<long>("gen_ai.client.token.usage", unit: "{token}", description: "Number of input and output tokens used per LLM call.");

    private static long lastBackupSuccessUnixSeconds;
    private static readonly Dictionary<string, int> HealthByDependency = new(StringComparer.Ordinal);
    private static readonly Lock HealthLock = new();

    static VoiceMemoryTelemetry()
    {
        Meter.CreateObservableGauge(
            "voicememory.backup.last_success",
            () => Interlocked.Read(ref lastBackupSuccessUnixSeconds),
            unit: "s",
            description: "Unix time of the last successful backup.");
        Meter.CreateObservableGauge(
            "voicememory.health.status",
            ObserveHealth,
            description: "1 when a dependency is healthy, 0 otherwise.");
    }

    /// <summary>Records the time of a successful backup for <c>voicememory.backup.last_success</c>.</summary>
    public static void RecordBackupSuccess(DateTimeOffset at) => Interlocked.Exchange(ref lastBackupSuccessUnixSeconds, at.ToUnixTimeSeconds());

    /// <summary>Records a dependency's health for <c>voicememory.health.status</c>.</summary>
    public static void RecordHealth(string dependency, bool healthy)
    {
        lock (HealthLock)
        {
            HealthByDependency[dependency] = healthy ? 1 : 0;
        }
    }

    private static IEnumerable<Measurement<int>> ObserveHealth()
    {
        lock (HealthLock)
        {
            return HealthByDependency
                .Select(pair => new Measurement<int>(pair.Value, new KeyValuePair<string, object?>("dependency", pair.Key)))
                .ToArray();
        }
    }
}
