using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.RateLimiting;
using VoiceMemory.Functions.Tests.Support;

namespace VoiceMemory.Functions.Tests.RateLimiting;

/// <summary>The per-user limit lives in a table, so every instance of the app draws from one bucket.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task OverTheLimit_429WithRetryAfter_OtherUsersUnaffected_RefillsOverTime()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?> { ["VoiceMemory:Limits:RequestsPerMinute"] = "3" });
        var memories = app.Get<MemoryFunctions>();

        async Task<Answer> CallAsync(string user)
        {
            var request = app.Request("GET", "/api/v1/memories", Principal.For(user));
            return await FunctionsApp.ExecuteAsync(request, await memories.ListAsync(request));
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await CallAsync("ivan")).Status);
        }

        var refused = await CallAsync("ivan");
        Assert.Equal(429, refused.Status);
        Assert.Equal("rate_limited", refused.Code);
        Assert.Equal("20", refused.Headers.RetryAfter.ToString());
        Assert.Equal(200, (await CallAsync("judy")).Status);

        app.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(200, (await CallAsync("ivan")).Status);
    }

    [Fact]
    public async Task TwoInstances_ShareOneBucket()
    {
        await using var app = await FunctionsApp.StartAsync(new Dictionary<string, string?> { ["VoiceMemory:Limits:RequestsPerMinute"] = "10" });

        // A second limiter over the same table stands for a second instance of the app.
        var first = app.Get<UserRateLimiter>();
        var second = new UserRateLimiter(app.Tables, app.Get<Microsoft.Extensions.Options.IOptions<VoiceMemory.Configuration.LimitsOptions>>(), app.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<UserRateLimiter>.Instance);
        async Task<bool> TryAsync(UserRateLimiter limiter, string user)
        {
            try
            {
                await limiter.AcquireAsync(user, CancellationToken.None);
                return true;
            }
            catch (VoiceMemory.Api.ApiProblem problem) when (problem.Code == ErrorCodes.RateLimited)
            {
                return false;
            }
        }

        var taken = 0;
        for (var i = 0; i < 16; i++)
        {
            taken += await TryAsync(i % 2 == 0 ? first : second, "ken") ? 1 : 0;
        }

        // Racing instances: optimistic concurrency never hands out more tokens than the bucket holds.
        var raced = await Task.WhenAll(Enumerable.Range(0, 14).Select(i => TryAsync(i % 2 == 0 ? first : second, "leo")));

        Assert.Equal(10, taken);
        Assert.InRange(raced.Count(ok => ok), 1, 10);
    }
}
