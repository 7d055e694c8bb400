using System.Net;
using System.Text.Json;

namespace VoiceMemory.Http;

/// <summary>Turns a provider's failed HTTP response into a typed <see cref="ProviderException"/>.</summary>
public static class ProviderResponses
{
    /// <summary>Returns when the response is a success; otherwise throws the matching <see cref="ProviderException"/>.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string provider, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var serviceCode = await ReadErrorCodeAsync(response, cancellationToken);
        var status = response.StatusCode;
        var code = CodeFor(status);
        var retryAfter = status == HttpStatusCode.TooManyRequests || (int)status >= 500 ? RetryAfterHeader.Read(response, timeProvider) : null;
        var detail = serviceCode is null ? string.Empty : $" ({serviceCode})";
        throw new ProviderException(provider, code, $"The {provider} call failed with HTTP {(int)status}{detail}.", status, retryAfter);
    }

    /// <summary>The error code of an HTTP status.</summary>
    public static string CodeFor(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ErrorCodes.ProviderUnauthorized,
        HttpStatusCode.RequestTimeout or HttpStatusCode.GatewayTimeout => ErrorCodes.ProviderTimeout,
        HttpStatusCode.TooManyRequests => ErrorCodes.ProviderThrottled,
        _ when (int)status >= 500 => ErrorCodes.ProviderUnavailable,
        _ => ErrorCodes.ProviderRejected,
    };

    // The service's own error code (e.g. "InvalidRequest", "content_filter") says what went wrong without user data.
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0 || body.Length > 64 * 1024)
            {
                return null;
            }

            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("code", out var code)
                && code.ValueKind == JsonValueKind.String)
            {
                var text = code.GetString();
                return text is { Length: > 0 and <= 64 } ? text : null;
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("code", out var flat) && flat.ValueKind == JsonValueKind.String
                ? flat.GetString() is { Length: > 0 and <= 64 } value ? value : null
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
