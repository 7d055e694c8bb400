using System.Globalization;
using System.Text.Json;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>The disk-full scenario's summary block.</summary>
internal static class DiskFullReport
{
    public static Summary Create(DiskFullRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var full = run.Full;
        var readOnly = run.ReadOnly;
        var refusedWhileFull = full.AnswersWhileFull.Where(a => a.Status != 202).ToList();
        var clearWhileFull = refusedWhileFull.Count(a => a.Status == 507 && a.Code == "storage_full" && a.ProblemJson);
        var (inFlightCompleted, inFlightFailed) = Finished(run, full.InFlightIds);
        var (roCompleted, roFailed) = Finished(run, readOnly.InFlightIds);
        var summary = new Summary("diskfull")
            .Figure("data root", $"{run.DataRoot} (tmpfs, {run.TmpfsMegabytes} MiB)")
            .Figure("server settings", "health probe every 5 s, disk unhealthy below 8 MB, lease 3 s, RequestsPerMinute=100000 (raised)")
            .Figure("baseline", $"{run.BaselineAccepted} turns accepted and finished before the fill")
            .Figure("fill", $"{full.FillerBytes / 1048576.0:0.0} MiB written until ENOSPC; {full.FreeAfterFill} bytes free after")
            .Figure("in flight when the volume filled", $"{full.InFlightAccepted} accepted just before, {full.InFlightUnfinishedAtFill} still unfinished at the fill; in the end {inFlightCompleted} completed, {inFlightFailed} failed")
            .Figure("submissions while full", $"{full.AnswersWhileFull.Count}: {Describe(full.AnswersWhileFull)}")
            .Figure("status reads while full", $"{full.StatusReadsOk} answered 200, {full.StatusReadsFailed} did not")
            .Figure("/api/health while full", $"{full.HealthStatusWhileFull} {HealthSummary(full.HealthWhileFull)}")
            .Figure("server process while full", full.AliveWhileFull ? "running" : "EXITED")
            .Figure("after the space came back", $"health healthy after {Seconds(full.HealthyAfter)}; first refused key accepted after {Seconds(full.FirstAcceptedAfter)}; refused keys accepted on retry: {full.RetriedAccepted}/{full.Retried}")
            .Figure("remount,ro under the running server", readOnly.RemountWhileRunningRefusal is null ? "allowed" : $"refused by the kernel ({readOnly.RemountWhileRunningRefusal})")
            .Figure("file folders read-only under it", FoldersFigure(readOnly))
            .Figure("submissions while read-only", readOnly.AnswersWhileReadOnly.Count == 0 ? "none (nothing could be made read-only under the running server)" : Describe(readOnly.AnswersWhileReadOnly))
            .Figure("start on a read-only volume", readOnly.StartExitCode is null && readOnly.StartError.Length == 0 ? "not tried" : $"exit code {readOnly.StartExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {readOnly.StartError}")
            .Figure("in flight when made read-only", $"{readOnly.InFlightIds.Count}; in the end {roCompleted} completed, {roFailed} failed")
            .Figure("error answers (all phases)", run.Counters.DescribeErrors())
            .Figure("500 internal_error answers", $"{run.Counters.Count(500)} ({run.UnhandledErrorsLogged} 'Unhandled error' lines logged)")
            .Figure("crashes logged", $"{run.CrashesLogged} ('BackgroundService failed' / crit)")
            .Figure("API census", $"{run.Census.Listed} turns listed, {run.Census.Unfinished} unfinished, {run.Census.Failed} failed");
        ExactlyOnceReport.AddTo(summary, run.Result, run.Snapshot, expectNoFailures: true);
        var roAnswers = readOnly.AnswersWhileReadOnly;
        var roRefusals = roAnswers.Count(a => a.Status != 202);
        var roClear = roAnswers.Count(a => a.Status == 503 && a.Code == "storage_unavailable" && a.ProblemJson);
        var startTried = readOnly.RemountWhileRunningRefusal is not null;
        var startClear = readOnly.StartExitCode == 3 && readOnly.StartError.Contains("storage_unavailable", StringComparison.Ordinal);
        return summary
            .Expect("submissions while full: 507 storage_full problem+json (or 202)", clearWhileFull == refusedWhileFull.Count && refusedWhileFull.Count > 0, $"{clearWhileFull} of {refusedWhileFull.Count} refusals are 507 storage_full; {full.AnswersWhileFull.Count - refusedWhileFull.Count} accepted")
            .Expect("0 × 500", run.Counters.Count(500) == 0, $"{run.Counters.Count(500)}")
            .Expect("server kept running while full (no crash)", full.AliveWhileFull && run.CrashesLogged == 0, $"process alive: {full.AliveWhileFull}, crashes logged: {run.CrashesLogged}")
            .Expect("reads keep working while full", full.StatusReadsFailed == 0, $"{full.StatusReadsOk} of {full.StatusReadsOk + full.StatusReadsFailed}")
            .Expect("turns in flight at the fill completed once space returned", inFlightCompleted == full.InFlightAccepted, $"{inFlightCompleted} of {full.InFlightAccepted} ({inFlightFailed} failed)")
            .Expect("recovered: healthy again, refused keys accepted", full.HealthyAfter is not null && full.RetriedAccepted == full.Retried, $"healthy after {Seconds(full.HealthyAfter)}, {full.RetriedAccepted}/{full.Retried} accepted")
            .Expect("submissions while read-only: 503 storage_unavailable problem+json (or 202)", roRefusals > 0 && roClear == roRefusals, $"{roClear} of {roRefusals} refusals are 503 storage_unavailable; {roAnswers.Count - roRefusals} accepted")
            .Expect("start on a read-only volume: exit 3 with one storage_unavailable line", !startTried || startClear, $"{(startTried ? $"exit {readOnly.StartExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none"}: {readOnly.StartError}" : "not needed (the volume went read-only under the running server)")}")
            .Expect("turns in flight at read-only completed after remount rw", roCompleted == readOnly.InFlightIds.Count, $"{roCompleted} of {readOnly.InFlightIds.Count}");
    }

    private static string FoldersFigure(ReadOnlyOutcome readOnly) =>
        readOnly.RemountWhileRunningRefusal is null ? "not needed (the whole volume went read-only)"
        : readOnly.FoldersReadOnlyRefusal is { } refusal ? $"could not ({refusal})"
        : $"{string.Join(", ", ReadOnlyFolders.Names)} bind-mounted read-only (the database stays writable)";

    private static (int Completed, int Failed) Finished(DiskFullRun run, IReadOnlyList<string> ids) =>
        (ids.Count(id => run.FinalStatuses.GetValueOrDefault(id)?.Status == TurnState.Completed),
         ids.Count(id => run.FinalStatuses.GetValueOrDefault(id)?.Status == TurnState.Failed));

    private static string Describe(IReadOnlyList<SubmissionAnswer> answers) =>
        answers.Count == 0 ? "none" : string.Join(", ", answers.GroupBy(a => $"{a.Status} {a.Code ?? (a.Status == 202 ? "accepted" : "-")}{(a.ProblemJson || a.Status == 202 ? "" : " (not problem+json)")}")
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));

    private static string Seconds(TimeSpan? time) => time is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.0} s") : "never";

    private static string HealthSummary(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var disk = root.GetProperty("checks").TryGetProperty("disk", out var d) ? d.GetProperty("detail").GetString() : "?";
            return $"{root.GetProperty("status").GetString()} (disk: {disk})";
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreadable";
        }
    }
}
