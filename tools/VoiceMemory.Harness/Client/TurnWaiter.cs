using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Client;

/// <summary>
/// Polls a client's turns until each is completed or failed, as a client would: one turn at a time, in the order it
/// submitted them (the runner takes the oldest due job first), one status call per interval.
/// </summary>
internal sealed class TurnWaiter(ApiClient api)
{
    /// <summary>The last status seen for each turn id (null when it was never read).</summary>
    public async Task<IReadOnlyDictionary<string, TurnStatusBody?>> WaitAsync(
        string apiKey,
        IReadOnlyList<string> turnIds,
        TimeSpan interval,
        TimeSpan deadline,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnIds);
        var last = new Dictionary<string, TurnStatusBody?>(StringComparer.Ordinal);
        var end = DateTime.UtcNow + deadline;
        foreach (var turnId in turnIds)
        {
            last[turnId] = null;
            while (DateTime.UtcNow < end)
            {
                var answer = await api.GetStatusAsync(apiKey, turnId, cancellationToken);
                if (answer.Status == 200)
                {
                    var status = answer.Json<TurnStatusBody>();
                    last[turnId] = status;
                    if (status?.Status is TurnState.Completed or TurnState.Failed)
                    {
                        break;
                    }
                }

                await Task.Delay(interval, cancellationToken);
            }
        }

        return last;
    }
}
