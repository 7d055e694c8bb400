using System.Globalization;
using System.Text.Json;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>The malformed scenario's summary block.</summary>
internal static class MalformedReport
{
    public static Summary Create(MalformedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var verdicts = run.Verdicts;
        var byCategory = string.Join(", ", verdicts.GroupBy(v => v.Case.Category).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));
        var byAnswer = string.Join(", ", verdicts.GroupBy(v => $"{v.Answer.Status} {v.Code ?? "-"}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key}×{g.Count()}")));
        var controlsAccepted = run.Controls.Count(c => c.Status == 202);
        var controlsCompleted = run.ControlStatuses.Values.Count(s => s?.Status == TurnState.Completed);
        var healthStatus = HealthStatus(run.Health);
        var contract = verdicts.Count(v => v.MeetsContract);
        var summary = new Summary("malformed")
            .Figure("data root", run.DataRoot)
            .Figure("server settings", "defaults (25 MiB, 300 s, 4000 characters) except RequestsPerMinute=100000 (raised so 429 does not pre-empt the input checks)")
            .Figure("cases", $"{verdicts.Count} ({byCategory})")
            .Figure("answers (status code)", byAnswer)
            .Figure("4xx", $"{verdicts.Count(v => v.Is4xx)}")
            .Figure("5xx", $"{verdicts.Count(v => v.Answer.Status >= 500)}")
            .Figure("2xx-3xx / no answer", $"{verdicts.Count(v => v.Answer.Status is >= 200 and < 400)} / {verdicts.Count(v => v.Answer.Status == 0)}")
            .Figure("application/problem+json", $"{verdicts.Count(v => v.IsProblemJson)}")
            .Figure("refused by Kestrel's parser (bare 400)", KestrelRejections(verdicts))
            .Figure("known code / status member consistent", $"{verdicts.Count(v => v.HasKnownCode)} / {verdicts.Count(v => v.StatusConsistent)}")
            .Figure("code the case expected", $"{verdicts.Count(v => v.ExpectedCode)} of {verdicts.Count}")
            .Figure("controls (one valid file per format)", $"{controlsAccepted}/{run.Controls.Count} accepted, {controlsCompleted} completed ({string.Join(", ", run.Controls.Select(c => $"{c.Format} {c.Status}"))})")
            .Figure("afterwards: /api/health", $"{run.Health.Status} {healthStatus}; server process alive: {run.ServerAlive}")
            .Figure("turns from the malformed user", $"{run.TurnsListedForMalformedUser} listed; data root holds {run.Snapshot.Turns.Count} turn records in all (controls: {controlsAccepted})")
            .Figure("server errors logged", $"{run.ServerErrorsLogged}")
            .Figure("leftover upload/temp files", $"{run.Snapshot.LeftoverTempFiles}");
        foreach (var failed in verdicts.Where(v => !v.MeetsContract || !v.ExpectedCode).Take(25))
        {
            summary.Note(failed.Describe());
        }

        return summary
            .Expect("200 generated cases", verdicts.Count == MalformedCases.Expected, $"{verdicts.Count}")
            .Expect("every answer 4xx problem+json, known code (Kestrel's bare 400s aside)", contract == verdicts.Count, $"{contract} of {verdicts.Count}")
            .Expect("0 5xx", verdicts.All(v => v.Answer.Status < 500), $"{verdicts.Count(v => v.Answer.Status >= 500)}")
            .Expect("each answer carries the code its case expects", verdicts.All(v => v.ExpectedCode), $"{verdicts.Count(v => v.ExpectedCode)} of {verdicts.Count}")
            .Expect("server healthy afterwards", run.Health.Status == 200 && healthStatus == "healthy" && run.ServerAlive, $"{run.Health.Status} {healthStatus}")
            .Expect("nothing accepted from malformed requests", run.TurnsListedForMalformedUser == 0 && run.Snapshot.Turns.Count == controlsAccepted, $"{run.TurnsListedForMalformedUser} listed, {run.Snapshot.Turns.Count - controlsAccepted} extra records")
            .Expect("every valid control accepted", controlsAccepted == run.Controls.Count, $"{controlsAccepted} of {run.Controls.Count}")
            .Expect("no unhandled server error logged", run.ServerErrorsLogged == 0, $"{run.ServerErrorsLogged}");
    }

    private static string KestrelRejections(IReadOnlyList<CaseVerdict> verdicts)
    {
        var rejected = verdicts.Where(v => v.IsKestrelRejection).ToList();
        return rejected.Count == 0
            ? "0"
            : string.Create(CultureInfo.InvariantCulture, $"{rejected.Count} ({string.Join(", ", rejected.Select(v => v.Case.Name))}: no application code runs, so no problem body can be written)");
    }

    private static string HealthStatus(Client.ApiAnswer health)
    {
        try
        {
            using var document = JsonDocument.Parse(health.Body);
            return document.RootElement.GetProperty("status").GetString() ?? "?";
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "unreadable";
        }
    }
}
