using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>What a client of the API does: submit a recording, poll until the turn is finished.</summary>
public static class TurnApi
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Uploads a WAV recording; returns the accepted turn's id, or throws with the server's answer.</summary>
    public static async Task<string> SubmitWavAsync(this HttpClient client, byte[] wav, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new ByteArrayContent(wav);
        content.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        using var response = await client.PostAsync(TurnRoutes.Turns, content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var accepted = await response.Content.ReadFromJsonAsync<TurnAcceptedBody>(ApiJson.Options, cancellationToken)
            ?? throw new InvalidOperationException("upload answered 202 without a body");
        return accepted.TurnId;
    }

    /// <summary>Polls the turn's status until it is completed or failed.</summary>
    public static async Task<TurnStatusBody> WaitAsync(this HttpClient client, string turnId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await client.GetFromJsonAsync<TurnStatusBody>(TurnRoutes.Status(turnId), ApiJson.Options, cancellationToken)
                ?? throw new InvalidOperationException("empty status");
            if (status.Status is TurnState.Completed or TurnState.Failed)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"turn {turnId} still {status.Status}/{status.Stage} after {timeout}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>A completed turn, or an exception that says why it is not.</summary>
    public static TurnStatusBody EnsureCompleted(this TurnStatusBody status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.Status == TurnState.Completed
            ? status
            : throw new InvalidOperationException($"turn {status.TurnId} {status.Status}: {status.Error?.Code} {status.Error?.Message}");
    }
}
