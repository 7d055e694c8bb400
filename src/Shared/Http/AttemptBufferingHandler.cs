namespace VoiceMemory.Http;

/// <summary>
/// Inside the resilience pipeline, once per attempt: reads the whole response body before the attempt ends, so the
/// per-attempt timeout covers a slow body as well as slow headers (HttpClient would otherwise buffer it after the
/// pipeline has finished, untimed). A failed read disposes the attempt's response and fails the attempt.
/// </summary>
public sealed class AttemptBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
