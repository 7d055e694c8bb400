using Polly.CircuitBreaker;
using Polly.Timeout;

namespace VoiceMemory.Http;

/// <summary>
/// Runs every request of a named HttpClient through its <see cref="ProviderChannel"/>'s pipeline. The response body
/// is buffered inside the timed attempt, so a slow body times out like a slow header. Returns a response for any HTTP
/// status (after retries); throws <see cref="ProviderException"/> for timeouts, unreachable hosts and an open circuit;
/// a cancellation by the caller stays an <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ResilienceHandler(ProviderChannel channel) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await channel.Pipeline.ExecuteAsync(
                async token =>
                {
                    var attempt = await base.SendAsync(request, token);
                    try
                    {
                        await attempt.Content.LoadIntoBufferAsync(token);
                        return attempt;
                    }
                    catch
                    {
                        attempt.Dispose();
                        throw;
                    }
                },
                cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            channel.RecordFailure(ErrorCodes.ProviderUnavailable);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderUnavailable, $"The {channel.Name} circuit is open after repeated failures; the call was not sent.", null, e.RetryAfter, e)
            {
                CircuitOpen = true,
            };
        }
        catch (TimeoutRejectedException e)
        {
            channel.RecordFailure(ErrorCodes.ProviderTimeout);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderTimeout, $"The {channel.Name} call timed out after {channel.Settings.AttemptTimeout.TotalSeconds:0.###} s per attempt.", null, null, e);
        }
        catch (HttpRequestException e)
        {
            channel.RecordFailure(ErrorCodes.ProviderUnavailable);
            throw new ProviderException(channel.Name, ErrorCodes.ProviderUnavailable, $"The {channel.Name} endpoint could not be reached ({e.HttpRequestError}).", null, null, e);
        }

        channel.RecordStatus(response.StatusCode);
        return response;
    }
}
