using Polly.CircuitBreaker;
using Polly.Timeout;

namespace VoiceMemory.Http;

/// <summary>
/// The outermost handler of a provider's HttpClient, around the resilience pipeline: records each call's final outcome
/// on its <see cref="ProviderChannel"/> (for health) and turns what the pipeline gave up on into a
/// <see cref="ProviderException"/> with a stable code — an open circuit, a timed-out attempt, an unreachable host.
/// Returns a response for any HTTP status (after retries); a cancellation by the caller stays an
/// <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ProviderOutcomeHandler(ProviderChannel channel) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
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
