using System.Net.Http.Headers;

namespace VoiceMemory.Http;

/// <summary>
/// Authenticates Azure AI Speech and Content Safety requests: <c>Ocp-Apim-Subscription-Key</c> with a key, otherwise
/// <c>Authorization: Bearer {token}</c> with a Microsoft Entra token (custom-subdomain endpoints), or
/// <c>Bearer aad#{resourceId}#{token}</c> when a resource id is given (regional TTS endpoints). Runs inside the
/// retry, so each attempt carries a valid token.
/// </summary>
public sealed class CognitiveServicesAuthHandler(string? apiKey, EntraTokenSource? tokens, string? resourceId) : DelegatingHandler
{
    /// <summary>The key header of Azure AI services.</summary>
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(KeyHeader);
        request.Headers.Authorization = null;
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.TryAddWithoutValidation(KeyHeader, apiKey);
        }
        else if (tokens is not null)
        {
            var token = await tokens.GetTokenAsync(cancellationToken);
            var value = string.IsNullOrEmpty(resourceId) ? token : $"aad#{resourceId}#{token}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
