using VoiceMemory.Maintenance;
using VoiceMemory.Telemetry;

namespace VoiceMemory.SelfHost.Telemetry;

/// <summary>
/// Publishes a zero for the counters whose label values are known in advance, at start. A counter that has never
/// counted is otherwise absent from <c>/metrics</c>, so a ratio alert or a dashboard panel would show "no data" instead
/// of 0 (Prometheus' guidance: initialise the series you know). Adding 0 changes no count.
/// </summary>
internal sealed class MetricsBaseline : IHostedService
{
    private static readonly KeyValuePair<string, object?> Host = new("host", "selfhost");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var outcome in new[] { "completed", "failed" })
        {
            VoiceMemoryTelemetry.Turns.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
        }

        foreach (var outcome in new[] { "success", "failure" })
        {
            VoiceMemoryTelemetry.BackupRuns.Add(0, new KeyValuePair<string, object?>("outcome", outcome));
        }

        foreach (var kind in new[] { RetentionKinds.InputAudio, RetentionKinds.ReplyAudio, RetentionKinds.Turn, RetentionKinds.Backup })
        {
            VoiceMemoryTelemetry.RetentionDeleted.Add(0, new KeyValuePair<string, object?>("kind", kind));
        }

        VoiceMemoryTelemetry.TurnsRescheduled.Add(0, Host);
        VoiceMemoryTelemetry.RateLimited.Add(0, Host);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
