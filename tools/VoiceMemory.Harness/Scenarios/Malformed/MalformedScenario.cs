using System.Text.RegularExpressions;
using VoiceMemory.Api;
using VoiceMemory.Harness.Audio;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Verification;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>
/// 200 generated malformed requests (see <see cref="MalformedCases"/>), sent one after another by one user. Each answer
/// must be 4xx application/problem+json with a known code; afterwards the server must still be healthy and must have
/// accepted nothing from them. First, one valid file of every format is accepted from another user: the control that
/// shows the damage, not the format, is what gets refused.
/// </summary>
internal sealed partial class MalformedScenario : IScenario
{
    public string Name => "malformed";

    public async Task<Summary> RunAsync(HarnessContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = context.ScenarioFolder(Name);
        var dataRoot = Path.Combine(folder, "data");
        // 200 requests from one user in under a minute: the rate limit would answer 429 instead of judging the input.
        var launch = context.Launch(dataRoot, new Dictionary<string, string> { ["VoiceMemory__Limits__RequestsPerMinute"] = "100000" });
        var keys = await AdminCommands.AddUsersAsync(launch, "malformed", 2);
        var samples = await FormatSamples.CreateAsync(Path.Combine(folder, "samples"));
        var cases = MalformedCases.Create(samples, context.Options.Seed);

        await using var server = new ManagedServer(launch, Path.Combine(folder, "server.log"));
        await server.StartAsync();
        var counters = new TrafficCounters();
        var api = server.Api(context.Http, counters);

        var controls = new List<(string Format, int Status, string? TurnId)>();
        foreach (var sample in samples)
        {
            var answer = await api.PostTurnAsync(keys[1], null, new TurnPayload(PayloadKind.Wav, sample.Bytes, sample.ContentType, null), cancellationToken: cancellationToken);
            controls.Add((sample.Name, answer.Status, answer.Status == 202 ? answer.Json<TurnAcceptedBody>()?.TurnId : null));
        }

        HarnessContext.Log($"malformed: sending {cases.Count} cases");
        var target = new MalformedTarget(api, keys[0], new Uri(server.Url).Port);
        var verdicts = new List<CaseVerdict>();
        foreach (var malformed in cases)
        {
            verdicts.Add(new CaseVerdict(malformed, await malformed.Send(target, cancellationToken)));
        }

        var controlStatuses = await new TurnWaiter(api).WaitAsync(keys[1], controls.Where(c => c.TurnId is not null).Select(c => c.TurnId!).ToList(), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), cancellationToken);
        var health = await api.HealthAsync(cancellationToken);
        var alive = server.Current is { HasExited: false };
        var listed = await ApiCensus.CountAsync(api, [keys[0]], cancellationToken);
        await server.StopAsync();
        var snapshot = await DataRootInspector.InspectAsync(dataRoot);
        var unhandled = ServerLog.Count(server.LogPath, UnhandledLine());
        return MalformedReport.Create(new MalformedRun(verdicts, controls, controlStatuses, health, alive, listed.Listed, snapshot, unhandled, counters, dataRoot));
    }

    [GeneratedRegex(@"Unhandled error on|Server-side problem", RegexOptions.CultureInvariant)]
    private static partial Regex UnhandledLine();
}
