using System.Net;
using System.Text;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>Every error code of the contract through the real HTTP stack, as problem+json.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly VoiceMemoryAppFactory factory = new(new Dictionary<string, string?>
    {
        ["VoiceMemory:Limits:MaxAudioBytes"] = "400000",
        ["VoiceMemory:Limits:MaxAudioSeconds"] = "4",
    });

    private byte[] wav = [];

    public async Task InitializeAsync() => wav = await Speech.SynthesizeWavAsync("Good morning.");

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ProblemAsync();
        Assert.Equal((status, code, "application/problem+json"), problem);
    }

    [Fact]
    public async Task LyingContentType_IsUnsupportedAudio()
    {
        var (client, _) = await factory.CreateUserAsync();
        var html = Encoding.UTF8.GetBytes("<html><body>not audio</body></html>");

        await AssertProblemAsync(await client.PostAudioAsync(html, "audio/wav"), HttpStatusCode.UnsupportedMediaType, "unsupported_audio");
        await AssertProblemAsync(await client.PostAudioAsync(wav, "audio/mpeg"), HttpStatusCode.UnsupportedMediaType, "unsupported_audio");
    }

    [Fact]
    public async Task TruncatedWav_IsMalformedAudio()
    {
        var (client, _) = await factory.CreateUserAsync();

        await AssertProblemAsync(await client.PostAudioAsync(wav[..30]), HttpStatusCode.BadRequest, "malformed_audio");
        await AssertProblemAsync(await client.PostAudioAsync(wav[..(wav.Length / 2)]), HttpStatusCode.BadRequest, "malformed_audio");
    }

    [Fact]
    public async Task EmptyBody_IsEmptyAudio()
    {
        var (client, _) = await factory.CreateUserAsync();

        await AssertProblemAsync(await client.PostAudioAsync([]), HttpStatusCode.BadRequest, "empty_audio");
    }

    [Fact]
    public async Task OversizeBody_IsAudioTooLarge()
    {
        var (client, _) = await factory.CreateUserAsync();
        var big = new byte[500_000];
        wav.CopyTo(big, 0);

        await AssertProblemAsync(await client.PostAudioAsync(big), HttpStatusCode.RequestEntityTooLarge, "audio_too_large");
    }

    [Fact]
    public async Task OverlongRecording_IsAudioTooLong()
    {
        var (client, _) = await factory.CreateUserAsync();
        var long_ = await Speech.SynthesizeWavAsync("This sentence is spoken slowly and goes on for rather longer than four seconds, which is the limit in this test.");

        await AssertProblemAsync(await client.PostAudioAsync(long_), HttpStatusCode.BadRequest, "audio_too_long");
    }

    [Fact]
    public async Task UnknownAndForeignTurns_AreNotFound()
    {
        var (alice, _) = await factory.CreateUserAsync("alice");
        var (bob, _) = await factory.CreateUserAsync("bob");
        var aliceTurn = await alice.SubmitTextAsync("I like tea.");

        await AssertProblemAsync(await alice.GetAsync(TurnRoutes.Status("0123456789abcdef0123456789abcdef")), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await bob.GetAsync(TurnRoutes.Status(aliceTurn)), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await bob.GetAsync(TurnRoutes.Audio(aliceTurn)), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await alice.GetAsync(TurnRoutes.Turns + "/..%2F..%2Fetc%2Fpasswd"), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await alice.GetAsync(TurnRoutes.Status(new string('a', 300))), HttpStatusCode.NotFound, "not_found");
        await AssertProblemAsync(await bob.DeleteAsync(TurnRoutes.Memories + "/f_0123456789abcdef01234567"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task MissingOrWrongKey_IsUnauthorized()
    {
        using var anonymous = factory.CreateClient();
        using var wrong = factory.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "vm_not-a-real-key");

        var response = await anonymous.PostAudioAsync(wav);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await AssertProblemAsync(await wrong.GetAsync(TurnRoutes.Turns), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task BadHeadersAndText_AreClearProblems()
    {
        var (client, _) = await factory.CreateUserAsync();

        await AssertProblemAsync(await client.PostTextAsync("hello", locale: "not a locale!"), HttpStatusCode.BadRequest, "invalid_locale");
        await AssertProblemAsync(await client.PostTextAsync("   "), HttpStatusCode.BadRequest, "empty_text");
        await AssertProblemAsync(await client.PostTextAsync("hello", idempotencyKey: new string('k', 200)), HttpStatusCode.BadRequest, "invalid_idempotency_key");

        using var brokenUtf8 = new HttpRequestMessage(HttpMethod.Post, TurnRoutes.Turns) { Content = new ByteArrayContent([0x68, 0xC3, 0x28, 0xFF]) };
        brokenUtf8.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        await AssertProblemAsync(await client.SendAsync(brokenUtf8), HttpStatusCode.BadRequest, "invalid_text");

        await AssertProblemAsync(await client.GetAsync(TurnRoutes.Turns + "?limit=abc"), HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(await client.GetAsync(TurnRoutes.Turns + "?limit=100000"), HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(await client.GetAsync(TurnRoutes.Turns + "?before=garbage"), HttpStatusCode.BadRequest, "invalid_request");
        await AssertProblemAsync(await client.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "not_found");
    }
}
