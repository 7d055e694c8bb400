using System.Net.Http.Headers;

namespace VoiceMemory.Benchmarks.Hosting;

/// <summary>A user created for a benchmark and the API key it authenticates with.</summary>
public sealed record BenchUser(string UserId, string ApiKey)
{
    /// <summary>A client of <paramref name="baseUrl"/> that sends this user's key.</summary>
    public HttpClient CreateClient(string baseUrl, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }
}
