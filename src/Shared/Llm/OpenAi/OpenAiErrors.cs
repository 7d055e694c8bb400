using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using VoiceMemory.Http;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>Classifies what an OpenAI SDK call threw, and recognises Azure OpenAI <c>content_filter</c> refusals.</summary>
public static class OpenAiErrors
{
    /// <summary>
    /// The typed failure for <paramref name="exception"/>, or null when it is not a provider failure (a bug, or the
    /// caller's cancellation), which the caller must let propagate.
    /// </summary>
    public static ProviderException? Classify(Exception exception, string provider, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case ProviderException provided:
                return provided;
            case ClientResultException result when result.Status == 0:
                return new ProviderException(provider, ErrorCodes.ProviderUnavailable, $"The {provider} endpoint could not be reached.", null, null, result);
            case ClientResultException result:
                var status = (HttpStatusCode)result.Status;
                var raw = result.GetRawResponse();
                var retryAfter = raw is null ? null : RetryAfterOf(raw, timeProvider);
                return new ProviderException(provider, ProviderResponses.CodeFor(status), $"The {provider} call failed with HTTP {result.Status}.", status, retryAfter, result);
            case OperationCanceledException when !cancellationToken.IsCancellationRequested:
                return new ProviderException(provider, ErrorCodes.ProviderTimeout, $"The {provider} call timed out.", null, null, exception);
            case JsonException or FormatException:
            case InvalidOperationException or KeyNotFoundException when ThrownByJsonReader(exception):
                // The SDK's model readers throw these on a body that is not the documented shape (JsonElement type
                // mismatches surface as InvalidOperationException from System.Text.Json; other ones are bugs, not data).
                return new ProviderException(provider, ErrorCodes.ProviderBadResponse, $"The {provider} response could not be read.", null, null, exception);
            default:
                return null;
        }
    }

    /// <summary>True when a failed response is an Azure OpenAI content-filter refusal (HTTP 400, <c>error.code</c> = content_filter).</summary>
    public static bool IsContentFilterRefusal(Exception exception)
    {
        if (exception is not ClientResultException { Status: 400 } result || result.GetRawResponse() is not { } raw)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(raw.Content.ToMemory());
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String && code.GetString() == "content_filter")
            {
                return true;
            }

            return error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                && inner.TryGetProperty("code", out var innerCode) && innerCode.ValueKind == JsonValueKind.String
                && innerCode.GetString() == "ResponsibleAIPolicyViolation";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool ThrownByJsonReader(Exception exception) =>
        new StackTrace(exception).GetFrames().Take(3).Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(JsonElement).Assembly);

    private static TimeSpan? RetryAfterOf(PipelineResponse response, TimeProvider timeProvider)
    {
        response.Headers.TryGetValue("retry-after-ms", out var ms);
        response.Headers.TryGetValue("Retry-After", out var seconds);
        return RetryAfterHeader.Parse(ms, seconds, timeProvider);
    }
}
