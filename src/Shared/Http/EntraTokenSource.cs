using Azure.Core;

namespace VoiceMemory.Http;

/// <summary>
/// Microsoft Entra access tokens for one scope, cached until five minutes before they expire (or the credential's
/// refresh time), so every request does not go to the identity endpoint.
/// </summary>
public sealed class EntraTokenSource(TokenCredential credential, string scope, TimeProvider timeProvider) : IDisposable
{
    /// <summary>The scope of Azure AI services (Speech, Content Safety, Azure OpenAI).</summary>
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";

    private readonly SemaphoreSlim refresh = new(1, 1);
    private AccessToken? cached;

    /// <summary>A valid token.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (cached is { } current && IsFresh(current))
        {
            return current.Token;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (cached is { } again && IsFresh(again))
            {
                return again.Token;
            }

            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            cached = token;
            return token.Token;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private bool IsFresh(AccessToken token)
    {
        var now = timeProvider.GetUtcNow();
        var refreshAt = token.RefreshOn ?? token.ExpiresOn - TimeSpan.FromMinutes(5);
        return now < refreshAt && now < token.ExpiresOn;
    }
}
