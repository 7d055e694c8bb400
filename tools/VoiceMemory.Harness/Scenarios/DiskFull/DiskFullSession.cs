using System.Collections.Concurrent;
using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Harness.Hosting;
using VoiceMemory.Harness.Workload;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Scenarios.DiskFull;

/// <summary>The clients of the disk-full scenario: two users, every submission keyed, every accepted one remembered for the final count.</summary>
internal sealed class DiskFullSession(ManagedServer server, ApiClient api, IReadOnlyList<string> keys)
{
    /// <summary>Retries through refused connections and 429s, and through 5xx (the server may be recovering).</summary>
    public static readonly SubmitPolicy Patient = new(TimeSpan.FromMinutes(2));

    /// <summary>One attempt's answer is what is measured: a 5xx is recorded, not retried.</summary>
    public static readonly SubmitPolicy Once = new(TimeSpan.FromSeconds(10), RetryServerErrors: false);

    private readonly ResilientSubmitter submitter = new(api);
    private readonly ConcurrentBag<SubmitOutcome> accepted = [];
    private int next;

    public ManagedServer Server => server;

    public ApiClient Api => api;

    public IReadOnlyCollection<SubmitOutcome> Accepted => accepted;

    public async Task<SubmitOutcome> SubmitAsync(TurnPayload payload, SubmitPolicy policy, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref next);
        var user = index % keys.Count;
        return Remember(await submitter.SubmitAsync(user, keys[user], $"diskfull-{index}", payload, policy, cancellationToken));
    }

    /// <summary>The same key again (a client retrying a refused submission).</summary>
    public async Task<SubmitOutcome> RetryAsync(SubmitOutcome refused, SubmitPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return Remember(await submitter.SubmitAsync(refused.User, refused.ApiKey, refused.IdempotencyKey, refused.Payload, policy, cancellationToken));
    }

    /// <summary>The current status of a turn, or null when it could not be read.</summary>
    public async Task<TurnStatusBody?> StatusAsync(SubmitOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var answer = await api.GetStatusAsync(outcome.ApiKey, outcome.TurnId!, cancellationToken);
        return answer.Status == 200 ? answer.Json<TurnStatusBody>() : null;
    }

    /// <summary>Waits until every accepted turn is finished (or the deadline passes); returns the last statuses.</summary>
    public async Task<IReadOnlyDictionary<string, TurnStatusBody?>> WaitAllAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var waiter = new TurnWaiter(api);
        var statuses = new ConcurrentDictionary<string, TurnStatusBody?>(StringComparer.Ordinal);
        await Task.WhenAll(accepted.GroupBy(o => o.User).Select(async group =>
        {
            var ids = group.OrderBy(o => o.IdempotencyKey, StringComparer.Ordinal).Select(o => o.TurnId!).ToList();
            foreach (var (id, status) in await waiter.WaitAsync(keys[group.Key], ids, TimeSpan.FromSeconds(1), deadline, cancellationToken))
            {
                statuses[id] = status;
            }
        }));
        return statuses;
    }

    public static bool IsFinished(TurnStatusBody? status) => status?.Status is TurnState.Completed or TurnState.Failed;

    private SubmitOutcome Remember(SubmitOutcome outcome)
    {
        if (outcome.Result == SubmitResult.Accepted)
        {
            accepted.Add(outcome);
        }

        return outcome;
    }
}
