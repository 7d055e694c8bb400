using System.Globalization;
using System.Text;
using VoiceMemory.Api;
using VoiceMemory.Harness.Client;

namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Where malformed requests go: the API client (with a valid key by default) and the raw loopback port.</summary>
internal sealed class MalformedTarget(ApiClient api, string apiKey, int port)
{
    public string ApiKey => apiKey;

    /// <summary>POST /api/v1/turns with exactly these bytes; <paramref name="contentType"/> null sends no Content-Type, and any string is sent unvalidated.</summary>
    public Task<ApiAnswer> PostAsync(byte[] body, string? contentType, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return api.SendAsync(HttpMethod.Post, TurnRoutes.Turns, apiKey, content, headers, TimeSpan.FromSeconds(60), cancellationToken);
    }

    /// <summary>POST /api/v1/turns with this Authorization header value instead of the valid key (null: none at all).</summary>
    public Task<ApiAnswer> PostWithAuthorizationAsync(byte[] body, string contentType, string? authorization, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var headers = authorization is null ? null : new Dictionary<string, string> { ["Authorization"] = authorization };
        return api.SendAsync(HttpMethod.Post, TurnRoutes.Turns, null, content, headers, TimeSpan.FromSeconds(30), cancellationToken);
    }

    public Task<ApiAnswer> SendAsync(HttpMethod method, string pathAndQuery, CancellationToken cancellationToken = default) =>
        api.SendAsync(method, pathAndQuery, apiKey, null, null, TimeSpan.FromSeconds(30), cancellationToken);

    /// <summary>A request written byte for byte: <paramref name="target"/> is sent as is (no dot-segment normalisation).</summary>
    public Task<ApiAnswer> RawAsync(string method, string target, IEnumerable<string> headers, byte[]? body = null, CancellationToken cancellationToken = default)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {apiKey}\r\nConnection: close\r\n");
        foreach (var header in headers)
        {
            head.Append(header).Append("\r\n");
        }

        head.Append("\r\n");
        return RecordAsync(RawHttp.SendAsync(port, head.ToString(), body, cancellationToken));
    }

    private async Task<ApiAnswer> RecordAsync(Task<ApiAnswer> sending)
    {
        var answer = await sending;
        api.Counters.Record(answer);
        return answer;
    }
}
