using VoiceMemory.Api;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Client;

/// <summary>Submits one turn the way a well-behaved client does: one Idempotency-Key for every retry of the same turn.</summary>
internal sealed class ResilientSubmitter(ApiClient api)
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public async Task<SubmitOutcome> SubmitAsync(int user, string apiKey, string idempotencyKey, TurnPayload payload, SubmitPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var deadline = DateTime.UtcNow + policy.Deadline;
        int attempts = 0, rateLimited = 0, noAnswers = 0, serverErrors = 0;
        ApiAnswer? last = null;
        while (DateTime.UtcNow < deadline)
        {
            attempts++;
            var timeout = attempts == 1 && policy.AbortFirstAttemptAfter is { } cut ? cut : AttemptTimeout;
            last = await api.PostTurnAsync(apiKey, idempotencyKey, payload, timeout, cancellationToken);
            TimeSpan wait;
            switch (last.Status)
            {
                case 202:
                    var turnId = last.Json<TurnAcceptedBody>()?.TurnId;
                    bool? same = policy.DeliverTwice ? await DeliverAgainAsync(apiKey, idempotencyKey, payload, turnId, cancellationToken) : null;
                    return new SubmitOutcome(idempotencyKey, user, apiKey, payload, SubmitResult.Accepted, turnId, attempts, rateLimited, noAnswers, serverErrors, 202, null, last.Elapsed, same);
                case 0:
                    noAnswers++;
                    wait = Backoff(noAnswers);
                    break;
                case 429:
                    rateLimited++;
                    wait = last.RetryAfter ?? TimeSpan.FromSeconds(1);
                    break;
                case >= 500 when policy.RetryServerErrors:
                    serverErrors++;
                    wait = last.RetryAfter ?? Backoff(serverErrors);
                    break;
                default:
                    serverErrors += last.Status >= 500 ? 1 : 0;
                    return Ended(SubmitResult.Refused);
            }

            await Task.Delay(wait, cancellationToken);
        }

        return Ended(SubmitResult.GaveUp);

        SubmitOutcome Ended(SubmitResult result) => new(
            idempotencyKey, user, apiKey, payload, result, null, attempts, rateLimited, noAnswers, serverErrors, last?.Status ?? 0, last?.ProblemCode(), TimeSpan.Zero, null);
    }

    // A duplicate delivery of an accepted request (its response was "lost"): must name the same turn.
    private async Task<bool> DeliverAgainAsync(string apiKey, string idempotencyKey, TurnPayload payload, string? turnId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var again = await api.PostTurnAsync(apiKey, idempotencyKey, payload, AttemptTimeout, cancellationToken);
            if (again.Status == 202)
            {
                return again.Json<TurnAcceptedBody>()?.TurnId == turnId;
            }

            await Task.Delay(again.RetryAfter ?? Backoff(attempt + 1), cancellationToken);
        }

        return false;
    }

    private static TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(2000, 100 * Math.Pow(2, Math.Min(failures - 1, 5))) + Random.Shared.Next(0, 100));
}
