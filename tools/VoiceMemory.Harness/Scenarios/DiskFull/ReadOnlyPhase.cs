using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// Spoken turns are accepted, then storage goes read-only under the running server and submissions are sent; then it
/// is made writable again and the refused ones retried. Linux refuses <c>remount,ro</c> of the volume while the
/// server holds its database open for writing, so in that case the data root's file folders go read-only instead
/// (<see cref="ReadOnlyFolders"/>: audio, journal and temp files — everything a spoken submission and a turn's reply
/// write), and afterwards the server is stopped gracefully, the volume remounted read-only and the server started on
/// it (it must refuse with one clear line), and started again normally once the volume is writable.
/// </summary>
internal static class ReadOnlyPhase
{
    public static async Task<ReadOnlyOutcome> RunAsync(DiskFullSession session, TmpfsMount mount, string dataRoot, IReadOnlyList<SpokenClip> clips, CancellationToken cancellationToken)
    {
        var inFlight = new List<SubmitOutcome>();
        for (var i = 0; i < 4; i++)
        {
            inFlight.Add(await session.SubmitAsync(new TurnPayload(PayloadKind.Wav, clips[i % clips.Count].Wav, "audio/wav", null), DiskFullSession.Patient, cancellationToken));
        }

        var volumeRefusal = await mount.RemountAsync(readOnly: true);
        string? foldersRefusal = null;
        var answers = new List<SubmissionAnswer>();
        if (volumeRefusal is null)
        {
            HarnessContext.Log("diskfull: data root volume read-only under the running server");
            answers.AddRange(await SubmitWhileReadOnlyAsync(session, clips, () => mount.RemountAsync(readOnly: false), cancellationToken));
            return new ReadOnlyOutcome(null, null, answers, null, "", Ids(inFlight));
        }

        var (folders, refusal) = await ReadOnlyFolders.TryMakeAsync(dataRoot);
        if (folders is null)
        {
            foldersRefusal = refusal;
            HarnessContext.Log($"diskfull: the file folders could not be made read-only either ({refusal})");
        }
        else
        {
            HarnessContext.Log($"diskfull: remount,ro of the volume refused ({volumeRefusal}); {string.Join(", ", ReadOnlyFolders.Names)} made read-only under the running server");
            answers.AddRange(await SubmitWhileReadOnlyAsync(session, clips, () => folders.DisposeAsync().AsTask(), cancellationToken));
        }

        HarnessContext.Log("diskfull: stopping the server and starting it on a read-only volume");
        await session.Server.StopAsync();
        var second = await mount.RemountAsync(readOnly: true);
        int? exitCode = null;
        string error;
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
        return new ReadOnlyOutcome(volumeRefusal, foldersRefusal, answers, exitCode, error, Ids(inFlight));
    }

    // One attempt each while read-only (typed turns need no file write to be accepted; spoken ones do), a pause so the
    // turns in flight hit the read-only folders too, then writable again and every refused key retried.
    private static async Task<List<SubmissionAnswer>> SubmitWhileReadOnlyAsync(DiskFullSession session, IReadOnlyList<SpokenClip> clips, Func<Task> makeWritable, CancellationToken cancellationToken)
    {
        var answers = new List<SubmissionAnswer>();
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

        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await makeWritable();
        foreach (var again in refused)
        {
            await session.RetryAsync(again, DiskFullSession.Patient, cancellationToken);
        }

        return answers;
    }

    private static List<string> Ids(List<SubmitOutcome> outcomes) => outcomes.Where(o => o.TurnId is not null).Select(o => o.TurnId!).ToList();

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
