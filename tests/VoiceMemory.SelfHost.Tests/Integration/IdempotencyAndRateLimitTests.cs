using System.Net;
using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

public sealed class IdempotencyAndRateLimitTests
{
    [Fact]
    public async Task SameIdempotencyKey_GivesTheSameTurnAndOneRun()
    {
        await using var factory = new VoiceMemoryAppFactory();
        var (client, _) = await factory.CreateUserAsync();
        var (other, _) = await factory.CreateUserAsync("other");
        var wav = await Speech.SynthesizeWavAsync("I live in Leeds.");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SubmitAudioAsync(wav, idempotencyKey: "retry-42")));
        var othersTurn = await other.SubmitAudioAsync(wav, idempotencyKey: "retry-42");
        var done = await client.WaitAsync(attempts[0]);

        Assert.Single(attempts.Distinct());
        Assert.NotEqual(attempts[0], othersTurn);
        Assert.Equal(TurnState.Completed, done.Status);
        var list = await client.GetFromJsonAsync<TurnListBody>(TurnRoutes.Turns, ApiJson.Options);
        Assert.Single(list!.Items);
        var inputFiles = Directory.GetFiles(Path.Combine(factory.DataRoot, "audio", "input"), "*", SearchOption.AllDirectories);
        Assert.Equal(2, inputFiles.Length);
    }

    [Fact]
    public async Task OverTheLimit_Answers429WithRetryAfter_PerUser()
    {
        await using var factory = new VoiceMemoryAppFactory(new Dictionary<string, string?> { ["VoiceMemory:Limits:RequestsPerMinute"] = "3" });
        var (client, _) = await factory.CreateUserAsync();
        var (other, _) = await factory.CreateUserAsync("other");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TurnRoutes.Turns)).StatusCode);
        }

        var limited = await client.GetAsync(TurnRoutes.Turns);
        var problem = await limited.ProblemAsync();

        Assert.Equal((HttpStatusCode.TooManyRequests, "rate_limited", "application/problem+json"), problem);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(TurnRoutes.Turns)).StatusCode);
    }
}
