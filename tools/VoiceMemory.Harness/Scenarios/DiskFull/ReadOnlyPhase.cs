using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// Spoken turns are accepted, then the data root is remounted read-only. Linux refuses <c>remount,ro</c> while a
/// process holds files open for writing (the server's database), so when that happens the server is stopped
/// gracefully (it releases its leases), the volume is remounted read-only, and the server is started on it; then the
/// volume is made writable again and the server started normally. If the kernel does allow the remount, the running
/// server's answers are measured instead.
/// </summary>
internal static class ReadOnlyPhase
{
    public static async Task<ReadOnlyOutcome> RunAsync(DiskFullSession session, TmpfsMount mount, IReadOnlyList<SpokenClip> clips, CancellationToken cancellationToken)
    {
        var inFlight = new List<SubmitOutcome>();
        for (var i = 0; i < 4; i++)
        {
            inFlight.Add(await session.SubmitAsync(new TurnPayload(PayloadKind.Wav, clips[i % clips.Count].Wav, "audio/wav", null), DiskFullSession.Patient, cancellationToken));
        }

        var refusal = await mount.RemountAsync(readOnly: true);
        var answers = new List<SubmissionAnswer>();
        int? exitCode = null;
        var error = "";
        if (refusal is null)
        {
            HarnessContext.Log("diskfull: data root read-only under the running server");
            var refused = new List<SubmitOutcome>();
            for (var i = 0; i < 6; i++)
            {
                var payload = i % 2 == 0 ? TurnMix.Typed(3000 + i) : new TurnPayload(PayloadKind.Wav, clips[i % clips.Count].Wav, "audio/wav", null);
                var outcome = await session.SubmitAsync(payload, DiskFullSession.Once, cancellationToken);
                answers.Add(new SubmissionAnswer(outcome.IdempotencyKey, outcome.FinalStatus, outcome.FinalCode, outcome.FinalStatus == 202 || outcome.FinalCode is not null));
                if (outcome.Result != SubmitResult.Accepted)
                {
                    refused.Add(outcome);
                }

                await Task.Delay(500, cancellationToken);
            }

            await mount.RemountAsync(readOnly: false);
            foreach (var again in refused)
            {
                await session.RetryAsync(again, DiskFullSession.Patient, cancellationToken);
            }
        }
        else
        {
            HarnessContext.Log($"diskfull: remount,ro refused under the running server ({refusal}); stopping it and starting it on a read-only root");
            await session.Server.StopAsync();
            var second = await mount.RemountAsync(readOnly: true);
            if (second is null)
            {
                (exitCode, error) = await StartOnReadOnlyAsync(session.Server);
                await mount.RemountAsync(readOnly: false);
            }
            else
            {
                error = "remount,ro refused even with the server stopped: " + second;
            }

            await session.Server.StartAsync();
        }

        return new ReadOnlyOutcome(refusal, answers, exitCode, error, inFlight.Where(o => o.TurnId is not null).Select(o => o.TurnId!).ToList());
    }

    // The server should refuse to start with one clear line, not run half-broken or abort with a stack trace.
    private static async Task<(int? ExitCode, string Error)> StartOnReadOnlyAsync(ManagedServer server)
    {
        try
        {
            var (exit, _, stderr) = await ProcessOutput.RunAsync("dotnet", [server.Launch.ServerDll, "--urls", server.Url], server.Launch.Environment(), TimeSpan.FromSeconds(60));
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.FirstOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)) ?? lines.LastOrDefault() ?? "(nothing on stderr)";
            return (exit, line.Length > 300 ? line[..300] : line);
        }
        catch (TimeoutException)
        {
            return (null, "the server kept running for 60 s on the read-only data root");
        }
    }
}
