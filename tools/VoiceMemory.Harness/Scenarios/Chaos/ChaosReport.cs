using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.Chaos;

/// <summary>The chaos scenario's summary block.</summary>
internal static class ChaosReport
{
    public static Summary Create(ChaosRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outcomes = run.Outcomes;
        var accepted = outcomes.Where(o => o.Result == SubmitResult.Accepted).ToList();
        var inFlight = run.Kills.Count(k => k.Running.Count + k.Pending > 0);
        var interrupted = run.Kills.SelectMany(k => k.Running).ToHashSet(StringComparer.Ordinal);
        var interruptedRows = run.Snapshot.Turns.Where(t => interrupted.Contains(t.TurnId)).ToList();
        var summary = new Summary("chaos")
            .Figure("data root", run.DataRoot)
            .Figure("server settings", "Runner lease 3 s, RequestsPerMinute=100000 (raised), workers 2")
            .Figure("kills (SIGKILL, whole process tree)", $"{run.Kills.Count}, each followed by a restart on the same data root and port ({run.Starts} starts in all)")
            .Figure("uptime before each kill", Percentiles.Describe(run.Kills.Select(k => k.Uptime.TotalMilliseconds)))
            .Figure("runner at the kill moments", $"{run.Kills.Sum(k => k.Running.Count)} jobs running, {run.Kills.Sum(k => k.Pending)} pending in all; kills with a job running: {run.Kills.Count(k => k.Running.Count > 0)}/{run.Kills.Count}, with any turn unfinished: {inFlight}/{run.Kills.Count}")
            .Figure("turns interrupted mid-run by a kill", $"{interrupted.Count} distinct; now completed {interruptedRows.Count(t => t.State == "completed")}, failed {interruptedRows.Count(t => t.State == "failed")}, journal entries {interruptedRows.Sum(t => run.Snapshot.JournalEntries.GetValueOrDefault(t.TurnId))}, reply audio files {interruptedRows.Sum(t => run.Snapshot.ReplyAudioFiles.GetValueOrDefault(t.TurnId))}")
            .Figure("restart (start → /api/health)", Percentiles.Describe(run.Kills.Select(k => k.Restart.TotalMilliseconds)))
            .Figure("clients", $"{ChaosScenario.Clients} submitting continuously for {ChaosScenario.Users} users, 2–8 s between turns")
            .Figure("mix", $"{TurnMix.Description}: typed {outcomes.Count(o => o.Payload.Kind == PayloadKind.Typed)}, WAV {outcomes.Count(o => o.Payload.Kind == PayloadKind.Wav)}, MP3 {outcomes.Count(o => o.Payload.Kind == PayloadKind.Mp3)}")
            .Figure("submissions", $"{outcomes.Count}")
            .Figure("accepted / refused / gave up", $"{accepted.Count} / {outcomes.Count(o => o.Result == SubmitResult.Refused)} / {outcomes.Count(o => o.Result == SubmitResult.GaveUp)}")
            .Figure("client retries (same key)", $"{outcomes.Sum(o => o.Attempts - 1)} (no answer: {outcomes.Sum(o => o.NoAnswers)}, 5xx: {outcomes.Sum(o => o.ServerErrors)}, 429: {outcomes.Sum(o => o.RateLimited)})")
            .Figure("no answer (client-side)", run.Counters.DescribeFailures())
            .Figure("all answers by status", run.Counters.DescribeStatuses())
            .Figure("error answers by code", run.Counters.DescribeErrors())
            .Figure("turns resumed from checkpoints", $"{run.ResumedFromCheckpoints} (server log: 'finished … (N>0 step(s) replayed)')")
            .Figure("orphan sweeps at start-up", $"{run.OrphanSweeps}")
            .Figure("drain after the last restart", $"{run.Drain.TotalSeconds:0.0} s");
        TurnTimings.AddTo(summary, accepted, run.Statuses);
        summary.Figure("API census", $"{run.Census.Listed} turns listed, {run.Census.Unfinished} unfinished, {run.Census.Failed} failed");
        ExactlyOnceReport.AddTo(summary, run.Result, run.Snapshot, expectNoFailures: true);
        return summary
            .Expect("20 kills, each followed by a successful restart", run.Kills.Count == ChaosScenario.Kills && run.Starts == ChaosScenario.Kills + 1 && !run.CrashedBeforeStop, $"{run.Kills.Count} kills, {run.Starts} starts")
            .Expect("every kill hit unfinished turns", inFlight == run.Kills.Count, $"{inFlight} of {run.Kills.Count}")
            .Expect("every submission accepted in the end", accepted.Count == outcomes.Count, $"{accepted.Count} of {outcomes.Count}")
            .Expect("0 5xx", run.Counters.ServerErrors == 0, $"{run.Counters.ServerErrors}")
            .Expect("API lists each accepted turn once, finished", run.Census.Listed == accepted.Count && run.Census.Unfinished == 0, $"{run.Census.Listed} listed for {accepted.Count} accepted, {run.Census.Unfinished} unfinished");
    }
}
