using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.Core;
using OpenAI;
using VoiceMemory.Configuration;
using VoiceMemory.Http;

namespace VoiceMemory.Llm.OpenAi;

/// <summary>
/// Builds one <see cref="OpenAIClient"/> per endpoint (keep it as a singleton). Requests go through the endpoint's named
/// HttpClient, so the channel's Polly pipeline (retry honouring Retry-After, breaker, per-attempt timeout) governs them.
/// The SDK's own retry is switched off (<c>ClientRetryPolicy(0)</c>) so the two do not multiply (3 × 3 attempts), and its
/// network timeout is set to the pipeline's whole budget so only the per-attempt timeout decides.
/// Auth: an API key; a bearer-token policy over a Microsoft Entra credential (scope cognitiveservices); or none.
/// </summary>
public sealed class OpenAiClientFactory(IHttpClientFactory httpClientFactory, Func<TokenCredential> credential)
{
    /// <summary>Creates the client of <paramref name="endpoint"/>.</summary>
    public OpenAIClient Create(OpenAiEndpoint endpoint, ResilienceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(settings);
        var options = new OpenAIClientOptions
        {
            Endpoint = endpoint.Endpoint,
            Transport = new HttpClientPipelineTransport(httpClientFactory.CreateClient(ProviderNames.HttpClientName(endpoint.Provider))),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.Budget,
            UserAgentApplicationId = "VoiceMemory",
        };

        // OPENAI001: the AuthenticationPolicy constructor is the SDK's documented way to go keyless against the
        // Azure OpenAI v1 endpoint (BearerTokenPolicy); it is marked for evaluation, so it is confined to this method.
#pragma warning disable OPENAI001
        return OpenAiAuth.Resolve(endpoint.Auth, endpoint.ApiKey, endpoint.Endpoint) switch
        {
            LlmAuthMode.ApiKey => new OpenAIClient(new ApiKeyCredential(endpoint.ApiKey ?? string.Empty), options),
            LlmAuthMode.Entra => new OpenAIClient(new BearerTokenPolicy(credential(), EntraTokenSource.CognitiveServicesScope), options),
            _ => new OpenAIClient(new NoAuthenticationPolicy(), options),
        };
#pragma warning restore OPENAI001
    }
}
