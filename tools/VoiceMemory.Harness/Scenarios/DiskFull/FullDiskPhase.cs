using System.Diagnostics;
using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// Spoken and typed turns are accepted, then the volume is filled while they run. For 10 s (20 submissions, one every
/// 500 ms) every answer is recorded without retry, and the turns in flight are polled. Then the space is freed, the
/// health probe must turn healthy, and the refused submissions are retried with their own keys.
/// </summary>
internal static class FullDiskPhase
{
    public static async Task<FullDiskOutcome> RunAsync(DiskFullSession session, TmpfsMount mount, IReadOnlyList<SpokenClip> clips, CancellationToken cancellationToken)
    {
        var inFlight = new List<SubmitOutcome>();
        for (var i = 0; i < 12; i++)
        {
            var payload = i % 3 == 2 ? TurnMix.Typed(1000 + i) : new TurnPayload(PayloadKind.Wav, clips[i % clips.Count].Wav, "audio/wav", null);
            inFlight.Add(await session.SubmitAsync(payload, DiskFullSession.Patient, cancellationToken));
        }

        var filler = new DiskFiller(Path.Combine(mount.Path, "filler.bin"));
        filler.Fill();
        var full = Stopwatch.StartNew();
        var freeAfterFill = mount.FreeBytes();
        var accepted = inFlight.Where(o => o.TurnId is not null).ToList();
        var unfinished = 0;
        foreach (var outcome in accepted)
        {
            unfinished += DiskFullSession.IsFinished(await session.StatusAsync(outcome, cancellationToken)) ? 0 : 1;
        }

        HarnessContext.Log($"diskfull: volume full ({filler.Written / 1048576.0:0.0} MiB written by the filler), {unfinished} turns unfinished");
        var answers = new List<SubmissionAnswer>();
        var refused = new List<SubmitOutcome>();
        int readsOk = 0, readsFailed = 0;
        for (var i = 0; i < 20 && session.Server.Current is { HasExited: false }; i++)
        {
            var payload = i % 2 == 0 ? TurnMix.Typed(2000 + i) : new TurnPayload(PayloadKind.Wav, clips[i % clips.Count].Wav, "audio/wav", null);
            var outcome = await session.SubmitAsync(payload, DiskFullSession.Once, cancellationToken);
            answers.Add(new SubmissionAnswer(outcome.IdempotencyKey, outcome.FinalStatus, outcome.FinalCode, outcome.FinalStatus == 202 || outcome.FinalCode is not null));
            if (outcome.Result != SubmitResult.Accepted)
            {
                refused.Add(outcome);
            }

            var read = await session.StatusAsync(accepted[i % accepted.Count], cancellationToken);
            readsOk += read is null ? 0 : 1;
            readsFailed += read is null ? 1 : 0;
            await Task.Delay(500, cancellationToken);
        }

        // The health probe runs every 5 s here; by now it has seen the full volume.
        var health = await session.Api.HealthAsync(cancellationToken);
        var alive = session.Server.Current is { HasExited: false };

        filler.Free();
        var freed = Stopwatch.StartNew();
        HarnessContext.Log($"diskfull: space freed after {full.Elapsed.TotalSeconds:0.0} s full; server {(alive ? "running" : "EXITED")}");
        if (!alive)
        {
            // It crashed: restart it as a service manager would, and measure what survived.
            await session.Server.KillAsync();
            await session.Server.StartAsync();
        }

        TimeSpan? healthyAfter = null;
        while (freed.Elapsed < TimeSpan.FromSeconds(60) && healthyAfter is null)
        {
            var probe = await session.Api.HealthAsync(cancellationToken);
            healthyAfter = probe.Status == 200 && probe.Text.Contains("\"status\":\"healthy\"", StringComparison.Ordinal) ? freed.Elapsed : null;
            await Task.Delay(healthyAfter is null ? 250 : 0, cancellationToken);
        }

        TimeSpan? firstAccepted = null;
        var retriedAccepted = 0;
        foreach (var again in refused)
        {
            var outcome = await session.RetryAsync(again, DiskFullSession.Patient, cancellationToken);
            if (outcome.Result == SubmitResult.Accepted)
            {
                retriedAccepted++;
                firstAccepted ??= freed.Elapsed;
            }
        }

        return new FullDiskOutcome(
            filler.Written, freeAfterFill, accepted.Count, unfinished, accepted.Select(o => o.TurnId!).ToList(), answers, readsOk, readsFailed,
            health.Status, health.Text, alive, healthyAfter, firstAccepted, retriedAccepted, refused.Count);
    }
}
