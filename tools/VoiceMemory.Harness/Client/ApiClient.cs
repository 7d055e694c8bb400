using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using VoiceMemory.Api;
using VoiceMemory.Harness.Workload;

namespace VoiceMemory.Harness.Client;

/// <summary>
/// The HTTP contract as a client sees it. Every call returns an <see cref="ApiAnswer"/> instead of throwing, so a
/// scenario can count refused connections during a crash the same way it counts status codes.
/// </summary>
internal sealed class ApiClient(HttpClient http, string baseUrl, TrafficCounters counters)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public string BaseUrl => baseUrl;

    public TrafficCounters Counters => counters;

    public Task<ApiAnswer> PostTurnAsync(string apiKey, string? idempotencyKey, TurnPayload payload, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var content = new ByteArrayContent(payload.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(payload.ContentType);
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        return SendAsync(HttpMethod.Post, TurnRoutes.Turns, apiKey, content, headers, timeout, cancellationToken);
    }

    public Task<ApiAnswer> GetStatusAsync(string apiKey, string turnId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, TurnRoutes.Status(turnId), apiKey, null, null, null, cancellationToken);

    public Task<ApiAnswer> GetAudioAsync(string apiKey, string turnId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, TurnRoutes.Audio(turnId), apiKey, null, null, null, cancellationToken);

    public Task<ApiAnswer> ListTurnsAsync(string apiKey, int limit, string? before, CancellationToken cancellationToken = default) =>
        SendAsync(
            HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"{TurnRoutes.Turns}?limit={limit}") + (before is null ? "" : "&before=" + Uri.EscapeDataString(before)),
            apiKey,
            null,
            null,
            null,
            cancellationToken);

    public Task<ApiAnswer> GetMemoriesAsync(string apiKey, string? query, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, TurnRoutes.Memories + (query is null ? "" : "?q=" + Uri.EscapeDataString(query)), apiKey, null, null, null, cancellationToken);

    /// <summary>GET /api/health. Not counted in <see cref="Counters"/>: it is monitoring, not client traffic (and its 503 is a health body, not a problem).</summary>
    public async Task<ApiAnswer> HealthAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl + TurnRoutes.Health));
        return await SendCoreAsync(request, TimeSpan.FromSeconds(15), cancellationToken);
    }

    /// <summary>Any request; <paramref name="apiKey"/> null sends no credentials.</summary>
    public async Task<ApiAnswer> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        string? apiKey,
        HttpContent? content,
        IReadOnlyDictionary<string, string>? headers,
        TimeSpan? timeout,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUrl + pathAndQuery)) { Content = content };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var answer = await SendCoreAsync(request, timeout ?? DefaultTimeout, cancellationToken);
        counters.Record(answer);
        return answer;
    }

    private async Task<ApiAnswer> SendCoreAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
            var body = await response.Content.ReadAsByteArrayAsync(limit.Token);
            var retryAfter = response.Headers.RetryAfter is { } header
                ? header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null)
                : null;
            return new ApiAnswer((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, retryAfter, stopwatch.Elapsed, null);
        }
        catch (HttpRequestException error)
        {
            return ApiAnswer.NoAnswer(stopwatch.Elapsed, error.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ApiAnswer.NoAnswer(stopwatch.Elapsed, "Timeout");
        }
        catch (IOException error)
        {
            return ApiAnswer.NoAnswer(stopwatch.Elapsed, error.GetType().Name);
        }
    }
}
