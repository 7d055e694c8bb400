using VoiceMemory.Api;
using VoiceMemory.Harness.Client;
using VoiceMemory.Turns;

namespace VoiceMemory.Harness.Verification;

/// <summary>The same count through the API: every user's turn list, page by page.</summary>
internal static class ApiCensus
{
    /// <summary>Turns listed per API key, and how many of them are not finished.</summary>
    public static async Task<(int Listed, int Unfinished, int Failed)> CountAsync(ApiClient api, IEnumerable<string> apiKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(apiKeys);
        int listed = 0, unfinished = 0, failed = 0;
        foreach (var key in apiKeys)
        {
            string? before = null;
            do
            {
                var answer = await api.ListTurnsAsync(key, 100, before, cancellationToken);
                for (var attempt = 0; answer.Status == 429 && attempt < 10; attempt++)
                {
                    await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1), cancellationToken);
                    answer = await api.ListTurnsAsync(key, 100, before, cancellationToken);
                }

                if (answer.Status != 200)
                {
                    throw new InvalidOperationException($"listing turns answered {answer.Status}: {answer.Text}");
                }

                var page = answer.Json<TurnListBody>() ?? throw new InvalidOperationException("empty turn list");
                listed += page.Items.Count;
                unfinished += page.Items.Count(t => t.Status is not (TurnState.Completed or TurnState.Failed));
                failed += page.Items.Count(t => t.Status == TurnState.Failed);
                before = page.Next;
            }
            while (before is not null);
        }

        return (listed, unfinished, failed);
    }
}
