using System.Diagnostics;
using VoiceMemory.SelfHost.Speech;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Benchmarks.Pipeline;

/// <summary>
/// Listens to the <c>VoiceMemory</c> spans of the in-process server and adds up, per turn, the lifetime of every
/// engine process it ran (<c>engine.run</c>). The runner's <c>turn</c> span (tag <c>turn.id</c>) is the root of each
/// turn's trace, and every step and engine span below it shares its trace id, so spans are grouped by trace id.
/// </summary>
public sealed class EngineSpanCollector : IDisposable
{
    private const string TurnSpanName = "turn";
    private readonly ActivityListener listener;
    private readonly Lock gate = new();
    private readonly Dictionary<ActivityTraceId, TimeSpan> turnSpans = [];
    private readonly Dictionary<ActivityTraceId, string> turnIds = [];
    private readonly Dictionary<ActivityTraceId, List<(string Engine, TimeSpan Elapsed)>> engineRuns = [];

    public EngineSpanCollector()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VoiceMemoryTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The turn's runner span and its engine runs, once the runner span has ended; null until then.</summary>
    public TurnSpans? Find(string turnId)
    {
        lock (gate)
        {
            foreach (var (trace, id) in turnIds)
            {
                if (id == turnId)
                {
                    var runs = engineRuns.TryGetValue(trace, out var list) ? list.ToArray() : [];
                    return new TurnSpans(turnId, turnSpans[trace], runs);
                }
            }

            return null;
        }
    }

    /// <summary>Waits (bounded) for the runner span of <paramref name="turnId"/>: it ends just after the turn is saved as completed.</summary>
    public async Task<TurnSpans> WaitForAsync(string turnId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (Find(turnId) is { } spans)
            {
                return spans;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no runner span for turn {turnId}");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    public void Dispose() => listener.Dispose();

    private void OnStopped(Activity activity)
    {
        lock (gate)
        {
            if (activity.OperationName == ProcessRunner.ActivityName)
            {
                if (!engineRuns.TryGetValue(activity.TraceId, out var runs))
                {
                    runs = [];
                    engineRuns[activity.TraceId] = runs;
                }

                runs.Add((activity.GetTagItem("engine") as string ?? "unknown", activity.Duration));
            }
            else if (activity.OperationName == TurnSpanName && activity.GetTagItem("turn.id") is string turnId)
            {
                turnSpans[activity.TraceId] = activity.Duration;
                turnIds[activity.TraceId] = turnId;
            }
        }
    }
}
