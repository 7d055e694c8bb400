using System.Globalization;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios.Soak;

/// <summary>The soak's summary block.</summary>
internal static class SoakReport
{
    /// <summary>"Flat": after the first half (warm-up), resident memory grows by at most this much per minute.</summary>
    public const double FlatMegabytesPerMinute = 1.0;

    public static Summary Create(SoakRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var samples = run.Samples;
        var minutes = run.Elapsed.TotalMinutes;
        var perUserPerMinute = samples.Count / (double)SoakScenario.Users / minutes;
        var limited = samples.Count(s => s.Status == 429);
        var errors = samples.Where(IsError).ToList();
        var errorRate = samples.Count == 0 ? 0 : errors.Count / (double)samples.Count;
        var memory = run.Memory;
        var secondHalf = memory.Where(m => m.Minutes >= minutes / 2).ToList();
        var slopeAll = Slope.Of(memory);
        var slopeSecondHalf = Slope.Of(secondHalf);
        var finished = run.Accepted.Select(a => run.Statuses.GetValueOrDefault(a.TurnId!)).ToList();
        var summary = new Summary("soak")
            .Figure("data root", run.DataRoot)
            .Figure("server settings", "defaults: RequestsPerMinute=60 per user, 2 workers, lease 30 s")
            .Figure("duration", $"{minutes:0.00} min of traffic (asked for {run.RequestedMinutes:0.##})")
            .Figure("users / schedule", $"{SoakScenario.Users} users, 1 request per second each: submit every 10 s (3 typed : 1 spoken, WAV and MP3 in turn), poll while unfinished, fetch the reply audio once, else list turns / read memories")
            .Figure("requests", $"{samples.Count} ({perUserPerMinute:0.0} per user per minute; {run.SkippedTicks} seconds skipped honouring Retry-After)")
            .Figure("by kind", string.Join(", ", samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}"))))
            .Figure("answers by status", string.Join(", ", samples.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}"))))
            .Figure("429 rate_limited", $"{limited}")
            .Figure("errors (no answer, 5xx, unexpected 4xx)", $"{errors.Count} → error rate {errorRate:P3}")
            .Figure("latency, all requests", Percentiles.Describe(samples.Where(s => s.Status != 0).Select(s => s.Milliseconds)));
        foreach (var kind in new[] { "submit typed", "submit spoken", "poll", "audio", "list", "memories" })
        {
            summary.Figure($"latency, {kind}", Percentiles.Describe(samples.Where(s => s.Kind == kind && s.Status != 0).Select(s => s.Milliseconds)));
        }

        summary
            .Figure("turns", $"{run.Accepted.Count} accepted (typed {run.Accepted.Count(a => a.Payload.Kind == PayloadKind.Typed)}, WAV {run.Accepted.Count(a => a.Payload.Kind == PayloadKind.Wav)}, MP3 {run.Accepted.Count(a => a.Payload.Kind == PayloadKind.Mp3)}); {finished.Count(s => s?.Status == TurnState.Completed)} completed, {finished.Count(s => s?.Status == TurnState.Failed)} failed")
            .Figure("turn duration, typed (server total)", Percentiles.Describe(Totals(run, PayloadKind.Typed)))
            .Figure("turn duration, spoken (server total)", Percentiles.Describe(Totals(run, PayloadKind.Wav).Concat(Totals(run, PayloadKind.Mp3))))
            .Figure("server VmRSS (every 10 s)", memory.Count == 0 ? "no samples" : string.Create(CultureInfo.InvariantCulture, $"start {memory[0].Megabytes:0.0} MiB, end {memory[^1].Megabytes:0.0} MiB, max {memory.Max(m => m.Megabytes):0.0} MiB ({memory.Count} samples)"))
            .Figure("VmRSS slope", $"{slopeAll:+0.00;-0.00} MiB/min over the whole run, {slopeSecondHalf:+0.00;-0.00} MiB/min over the second half; max of the second half {(secondHalf.Count == 0 ? double.NaN : secondHalf.Max(m => m.Megabytes)):0.0} MiB vs max of the first half {(memory.Count == 0 ? double.NaN : memory.Where(m => m.Minutes < minutes / 2).DefaultIfEmpty((0, 0)).Max(m => m.Megabytes)):0.0} MiB")
            .Figure("VmRSS samples (MiB)", string.Join(" ", memory.Select(m => m.Megabytes.ToString("0", CultureInfo.InvariantCulture))))
            .Figure("CPU (of 2 cores)", run.CpuSeconds is { } cpu ? string.Create(CultureInfo.InvariantCulture, $"server {cpu.Server:0} s, its engine processes {cpu.Engines:0} s in {run.Elapsed.TotalSeconds:0} s = {(cpu.Server + cpu.Engines) / run.Elapsed.TotalSeconds:0.00} cores on average") : "unreadable")
            .Figure("API census", $"{run.Census.Listed} turns listed, {run.Census.Unfinished} unfinished, {run.Census.Failed} failed");
        ExactlyOnceReport.AddTo(summary, run.Result, run.Snapshot, expectNoFailures: true);
        return summary
            .Expect("ran the full duration", minutes >= run.RequestedMinutes * 0.99, $"{minutes:0.00} of {run.RequestedMinutes:0.##} min")
            .Expect("~60 requests/min per user", perUserPerMinute is >= 57 and <= 60.5, $"{perUserPerMinute:0.0}")
            .Expect("error rate 0", errors.Count == 0, $"{errors.Count} of {samples.Count} ({Describe(errors)})")
            .Expect($"memory flat (second-half slope ≤ {FlatMegabytesPerMinute:0.0} MiB/min)", !double.IsNaN(slopeSecondHalf) && slopeSecondHalf <= FlatMegabytesPerMinute, $"{slopeSecondHalf:+0.00;-0.00} MiB/min");
    }

    private static bool IsError(SoakSample sample) => sample.Status == 0 || sample.Status >= 500 || (sample.Status >= 400 && sample.Status != 429);

    private static string Describe(IEnumerable<SoakSample> errors) =>
        string.Join(", ", errors.GroupBy(e => $"{e.Kind} {e.Status}").Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}"))) is { Length: > 0 } text ? text : "none";

    private static IEnumerable<double> Totals(SoakRun run, PayloadKind kind) =>
        run.Accepted.Where(a => a.Payload.Kind == kind)
            .Select(a => run.Statuses.GetValueOrDefault(a.TurnId!))
            .Where(s => s is { Status: TurnState.Completed, TimingsMs.Total: not null })
            .Select(s => (double)s!.TimingsMs.Total!.Value);
}
