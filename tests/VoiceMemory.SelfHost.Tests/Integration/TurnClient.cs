using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>What a client of the API does: submit, poll until finished, read bodies.</summary>
public static class TurnClient
{
    public static async Task<HttpResponseMessage> PostAudioAsync(this HttpClient client, byte[] audio, string contentType = "audio/wav", string? idempotencyKey = null, string? locale = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TurnRoutes.Turns) { Content = new ByteArrayContent(audio) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        AddHeaders(request, idempotencyKey, locale);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PostTextAsync(this HttpClient client, string text, string? idempotencyKey = null, string? locale = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TurnRoutes.Turns) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
        AddHeaders(request, idempotencyKey, locale);
        return await client.SendAsync(request);
    }

    public static async Task<string> SubmitAudioAsync(this HttpClient client, byte[] audio, string contentType = "audio/wav", string? idempotencyKey = null, string? locale = null)
    {
        using var response = await client.PostAudioAsync(audio, contentType, idempotencyKey, locale);
        return await AcceptedTurnIdAsync(response);
    }

    public static async Task<string> SubmitTextAsync(this HttpClient client, string text, string? idempotencyKey = null, string? locale = null)
    {
        using var response = await client.PostTextAsync(text, idempotencyKey, locale);
        return await AcceptedTurnIdAsync(response);
    }

    /// <summary>Polls the status until the turn is completed or failed.</summary>
    public static async Task<TurnStatusBody> WaitAsync(this HttpClient client, string turnId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await client.GetFromJsonAsync<TurnStatusBody>(TurnRoutes.Status(turnId), ApiJson.Options)
                ?? throw new InvalidOperationException("empty status");
            if (status.Status is TurnState.Completed or TurnState.Failed)
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"turn {turnId} still {status.Status}/{status.Stage}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Reads a problem+json answer's status and code.</summary>
    public static async Task<(HttpStatusCode Status, string Code, string MediaType)> ProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(body);
        return (response.StatusCode, document.RootElement.GetProperty("code").GetString()!, response.Content.Headers.ContentType?.MediaType ?? "");
    }

    private static async Task<string> AcceptedTurnIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {body}");
        var accepted = JsonSerializer.Deserialize<TurnAcceptedBody>(body, ApiJson.Options)!;
        Assert.Equal(TurnRoutes.Status(accepted.TurnId), response.Headers.Location?.OriginalString);
        Assert.NotNull(response.Headers.RetryAfter);
        return accepted.TurnId;
    }

    private static void AddHeaders(HttpRequestMessage request, string? idempotencyKey, string? locale)
    {
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        if (locale is not null)
        {
            request.Headers.Add("X-Locale", locale);
        }
    }
}
