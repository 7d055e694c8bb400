using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Reporting;
using VoiceMemory.Harness.Workload;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios;

/// <summary>Turn durations as the server measured them (<c>timingsMs.total</c>: acceptance → completion), typed and spoken apart.</summary>
internal static class TurnTimings
{
    public static void AddTo(Summary summary, IReadOnlyCollection<SubmitOutcome> outcomes, IReadOnlyDictionary<string, TurnStatusBody?> statuses)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(statuses);
        var completed = outcomes
            .Where(o => o.TurnId is not null && statuses.GetValueOrDefault(o.TurnId) is { Status: TurnState.Completed, TimingsMs.Total: not null })
            .Select(o => (o.Payload.Kind, Total: (double)statuses[o.TurnId!]!.TimingsMs.Total!.Value))
            .ToList();
        summary
            .Figure("turn duration, typed (server total)", Percentiles.Describe(completed.Where(c => c.Kind == PayloadKind.Typed).Select(c => c.Total)))
            .Figure("turn duration, spoken (server total)", Percentiles.Describe(completed.Where(c => c.Kind != PayloadKind.Typed).Select(c => c.Total)));
    }
}
