using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using VoiceMemory.Telemetry;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

/// <summary>Listens to instruments of the <c>VoiceMemory</c> meter and keeps what they record.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

    public TelemetryRecorder(params string[] instruments)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == VoiceMemoryTelemetry.Name && instruments.Contains(instrument.Name))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, tags.ToArray())));
        listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with tag <paramref name="tag"/> = <paramref name="value"/> (or any tags when null).</summary>
    public long Sum(string instrument, string? tag = null, string? value = null) =>
        measurements.Where(m => m.Instrument == instrument && Matches(m.Tags, tag, value)).Sum(m => m.Value);

    /// <summary>Collects observable instruments now and returns the last value seen for the tag, or null.</summary>
    public long? Observe(string instrument, string? tag = null, string? value = null)
    {
        listener.RecordObservableInstruments();
        var seen = measurements.Where(m => m.Instrument == instrument && Matches(m.Tags, tag, value)).ToList();
        return seen.Count == 0 ? null : seen[^1].Value;
    }

    public void Dispose() => listener.Dispose();

    private static bool Matches(KeyValuePair<string, object?>[] tags, string? tag, string? value) =>
        tag is null || tags.Any(t => t.Key == tag && Equals(t.Value, value));
}
