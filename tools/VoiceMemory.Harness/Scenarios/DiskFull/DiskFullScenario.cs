using System.Text.RegularExpressions;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>
/// The data root on a 64 MiB tmpfs: a baseline, then the volume filled while turns run (<see cref="FullDiskPhase"/>),
/// then read-only (<see cref="ReadOnlyPhase"/>); finally every accepted turn is counted in the data root. Needs root
/// and permission to mount; without it the summary says so and nothing is simulated.
/// </summary>
internal sealed partial class DiskFullScenario : IScenario
{
    private const int TmpfsMegabytes = 64;

    public string Name => "diskfull";

    public async Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = context.ScenarioFolder(Name);
        var (mount, refusal) = await TmpfsMount.TryMountAsync(Path.Combine(folder, "mnt"), TmpfsMegabytes);
        if (mount is null)
        {
            return new Summary(Name)
                .Note($"Could not mount a tmpfs data root: {refusal}. A full disk cannot be produced without a small volume, and as root a chmod'ed folder stays writable (root bypasses file modes), so nothing was simulated.")
                .Expect("tmpfs data root mounted", false, $"{refusal}");
        }

        await using (mount)
        {
            return await RunOnMountAsync(context, folder, mount, cancellationToken);
        }
    }

    private static async Task<Summary> RunOnMountAsync(HarnessContext context, string folder, TmpfsMount mount, CancellationToken cancellationToken)
    {
        var dataRoot = Path.Combine(mount.Path, "data");
        var launch = context.Launch(dataRoot, new Dictionary<string, string>
        {
            ["VoiceMemory__Limits__RequestsPerMinute"] = "100000",
            ["VoiceMemory__Runner__Lease"] = "00:00:03",
            // Probe every 5 s and call the disk unhealthy below 8 MB, so /api/health follows the volume closely.
            ["VoiceMemory__Health__Interval"] = "00:00:05",
            ["VoiceMemory__Health__MinFreeDiskMegabytes"] = "8",
        });
        var keys = await AdminCommands.AddUsersAsync(launch, "diskfull", 2);
        var clips = await context.SpokenClipsAsync();
        var mix = new TurnMix(clips);

        await using var server = new ManagedServer(launch, Path.Combine(folder, "server.log"));
        await server.StartAsync();
        var counters = new TrafficCounters();
        var session = new DiskFullSession(server, server.Api(context.Http, counters), keys);
        foreach (var index in new[] { 0, 6, 1, 7, 2, 9 })
        {
            await session.SubmitAsync(mix.For(index), DiskFullSession.Patient, cancellationToken);
        }

        var baseline = session.Accepted.Count;
        await session.WaitAllAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var full = await FullDiskPhase.RunAsync(session, mount, clips, cancellationToken);
        var readOnly = await ReadOnlyPhase.RunAsync(session, mount, dataRoot, clips, cancellationToken);
        var statuses = await session.WaitAllAsync(TimeSpan.FromMinutes(6), cancellationToken);
        var census = await ApiCensus.CountAsync(session.Api, keys, cancellationToken);
        await server.StopAsync();

        var snapshot = await DataRootInspector.InspectAsync(dataRoot);
        var result = ExactlyOnceCheck.Evaluate(session.Accepted, snapshot);
        var unhandled = ServerLog.Count(server.LogPath, UnhandledLine());
        var crashes = ServerLog.Count(server.LogPath, CrashLine());
        return DiskFullReport.Create(new DiskFullRun(TmpfsMegabytes, dataRoot, baseline, full, readOnly, statuses, census, snapshot, result, counters, unhandled, crashes));
    }

    [GeneratedRegex(@"Unhandled error on", RegexOptions.CultureInvariant)]
    private static partial Regex UnhandledLine();

    [GeneratedRegex(@"BackgroundService failed|^crit:", RegexOptions.CultureInvariant)]
    private static partial Regex CrashLine();
}
