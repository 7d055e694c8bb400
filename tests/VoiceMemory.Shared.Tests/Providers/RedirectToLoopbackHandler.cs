namespace VoiceMemory.Tests.Providers;

/// <summary>Sends a request meant for a cloud host to a loopback server instead (same path and query, plain http).</summary>
internal sealed class RedirectToLoopbackHandler(Uri loopback) : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Uri> Original { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Original.Add(request.RequestUri!);
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = loopback.Scheme, Host = loopback.Host, Port = loopback.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}
