using System.Text;
using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Tests.Support;
using VoiceMemory.Tests.Audio;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Http;

/// <summary>The <c>/api/v1/turns</c> functions with real HttpContexts, the real services on Azurite and the real orchestration.</summary>
public sealed class TurnFunctionsTests : IAsyncLifetime
{
    private static readonly byte[] Wav = new WavBytes().Build();
    private FunctionsApp app = null!;

    public async Task InitializeAsync()
    {
        app = await FunctionsApp.StartAsync(new Dictionary<string, string?> { ["VoiceMemory:Limits:MaxAudioSeconds"] = "5", ["VoiceMemory:Limits:MaxAudioBytes"] = "400000" });
        app.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), AudioFormat.Wav, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Transcript("My name is Alice and I am allergic to peanuts.", "en-US", 0.9));
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private TurnFunctions Turns => app.Get<TurnFunctions>();

    private async Task<Answer> SubmitAsync(string user, byte[] body, string? contentType, IDictionary<string, string>? headers = null)
    {
        var request = app.Request("POST", "/api/v1/turns", Principal.For(user), body, contentType, headers);
        return await FunctionsApp.ExecuteAsync(request, await Turns.SubmitAsync(request, app.Client));
    }

    private async Task<Answer> GetAsync(string user, string turnId)
    {
        var request = app.Request("GET", "/api/v1/turns/" + turnId, Principal.For(user));
        return await FunctionsApp.ExecuteAsync(request, await Turns.GetAsync(request, turnId));
    }

    private static void NoManagementUrls(Answer answer)
    {
        var all = answer.Body + string.Join('\n', answer.Headers.Select(h => h.Key + ": " + h.Value));
        Assert.DoesNotContain("code=", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("runtime/webhooks", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("statusQueryGetUri", all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SpokenTurn_202WithTheContractsStatusUrl_ThenCompletes()
    {
        var accepted = await SubmitAsync("alice", Wav, "audio/wav");

        Assert.Equal(202, accepted.Status);
        var turnId = accepted.Json.GetProperty("turnId").GetString()!;
        Assert.Equal("/api/v1/turns/" + turnId, accepted.Headers.Location.ToString());
        Assert.Equal("/api/v1/turns/" + turnId, accepted.Json.GetProperty("statusUrl").GetString());
        Assert.Equal("queued", accepted.Json.GetProperty("status").GetString());
        Assert.Equal("1", accepted.Headers.RetryAfter.ToString());
        NoManagementUrls(accepted);

        await app.Client.WaitForInstanceCompletionAsync(turnId, getInputsAndOutputs: false, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var status = await GetAsync("alice", turnId);

        Assert.Equal(200, status.Status);
        Assert.Equal("completed", status.Json.GetProperty("status").GetString());
        Assert.Equal("fallback", status.Json.GetProperty("reply").GetProperty("source").GetString());
        Assert.Contains("peanuts", status.Json.GetProperty("transcript").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("/api/v1/turns/" + turnId + "/audio", status.Json.GetProperty("replyAudio").GetProperty("url").GetString());
        NoManagementUrls(status);

        var audioRequest = app.Request("GET", $"/api/v1/turns/{turnId}/audio", Principal.For("alice"));
        var audio = await FunctionsApp.ExecuteAsync(audioRequest, await Turns.GetAudioAsync(audioRequest, turnId));
        Assert.Equal(302, audio.Status);
        Assert.Contains(app.Layout.AudioContainer, audio.Headers.Location.ToString(), StringComparison.Ordinal);
        NoManagementUrls(audio);
    }

    [Fact]
    public async Task TypedTurn_CompletesWithoutTranscription()
    {
        var accepted = await SubmitAsync("bob", Encoding.UTF8.GetBytes("I like green tea."), "text/plain; charset=utf-8", new Dictionary<string, string> { ["X-Locale"] = "en-us" });
        var turnId = accepted.Json.GetProperty("turnId").GetString()!;
        await app.Client.WaitForInstanceCompletionAsync(turnId, getInputsAndOutputs: false, new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

        var status = await GetAsync("bob", turnId);

        Assert.Equal("completed", status.Json.GetProperty("status").GetString());
        Assert.Equal("en-US", status.Json.GetProperty("locale").GetString());
        app.Stt.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task SameIdempotencyKey_SameTurn_OneRun()
    {
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "k-42" };
        var first = await SubmitAsync("carol", Encoding.UTF8.GetBytes("I live in Oslo."), "text/plain", headers);
        var second = await SubmitAsync("carol", Encoding.UTF8.GetBytes("I live in Oslo."), "text/plain", headers);
        var otherUser = await SubmitAsync("dave", Encoding.UTF8.GetBytes("I live in Oslo."), "text/plain", headers);

        var turnId = first.Json.GetProperty("turnId").GetString();
        Assert.Equal(turnId, second.Json.GetProperty("turnId").GetString());
        Assert.NotEqual(turnId, otherUser.Json.GetProperty("turnId").GetString());
        var instances = await app.Client.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery(InstanceIdPrefix: turnId)).ToListAsync();
        Assert.Single(instances);
    }

    public static TheoryData<string, byte[], string?, string, int> BadSubmissions => new()
    {
        { "empty", [], "audio/wav", ErrorCodes.EmptyAudio, 400 },
        { "not audio", Encoding.ASCII.GetBytes("this is not a recording at all"), "audio/wav", ErrorCodes.UnsupportedAudio, 415 },
        { "lying type", new WavBytes().Build(), "audio/mpeg", ErrorCodes.UnsupportedAudio, 415 },
        { "too long", new WavBytes { DataBytes = 16000 * 2 * 6 }.Build(), "audio/wav", ErrorCodes.AudioTooLong, 400 },
        { "too large", new byte[400_001], "audio/wav", ErrorCodes.AudioTooLarge, 413 },
        { "malformed", new WavBytes { IncludeFmt = false }.Build(), "audio/wav", ErrorCodes.MalformedAudio, 400 },
        { "empty text", Encoding.UTF8.GetBytes("   "), "text/plain; charset=utf-8", ErrorCodes.EmptyText, 400 },
        { "text too long", Encoding.UTF8.GetBytes(new string('a', 5000)), "text/plain", ErrorCodes.TextTooLong, 413 },
        { "not utf-8", [0x48, 0xC3, 0x28, 0x21], "text/plain", ErrorCodes.InvalidText, 400 },
        { "latin-1", Encoding.Latin1.GetBytes("hej"), "text/plain; charset=iso-8859-1", ErrorCodes.UnsupportedMediaType, 415 },
    };

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public async Task BadSubmission_ProblemWithItsCode_NothingStored(string name, byte[] body, string? contentType, string code, int status)
    {
        var answer = await SubmitAsync("erin", body, contentType);

        Assert.True(status == answer.Status, name);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(code, answer.Code);
        var list = app.Request("GET", "/api/v1/turns", Principal.For("erin"));
        var turns = await FunctionsApp.ExecuteAsync(list, await Turns.ListAsync(list));
        Assert.Equal(0, turns.Json.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("X-Locale", "not a locale!", ErrorCodes.InvalidLocale)]
    [InlineData("Idempotency-Key", "has spaces in it", ErrorCodes.InvalidIdempotencyKey)]
    public async Task BadHeader_Problem(string header, string value, string code)
    {
        var answer = await SubmitAsync("erin", Wav, "audio/wav", new Dictionary<string, string> { [header] = value });

        Assert.Equal(400, answer.Status);
        Assert.Equal(code, answer.Code);
    }

    [Fact]
    public async Task AnotherUsersTurn_IsNotFound()
    {
        var accepted = await SubmitAsync("frank", Encoding.UTF8.GetBytes("My dog is Rex."), "text/plain");
        var turnId = accepted.Json.GetProperty("turnId").GetString()!;

        var status = await GetAsync("grace", turnId);
        var audioRequest = app.Request("GET", $"/api/v1/turns/{turnId}/audio", Principal.For("grace"));
        var audio = await FunctionsApp.ExecuteAsync(audioRequest, await Turns.GetAudioAsync(audioRequest, turnId));
        var unknown = await GetAsync("frank", "0000000000000000000000000000dead");

        Assert.Equal((404, ErrorCodes.NotFound), (status.Status, status.Code));
        Assert.Equal((404, ErrorCodes.NotFound), (audio.Status, audio.Code));
        Assert.Equal((404, ErrorCodes.NotFound), (unknown.Status, unknown.Code));
    }

    [Fact]
    public async Task List_NewestFirst_WithCursor()
    {
        var ids = new List<string>();
        foreach (var text in new[] { "One.", "Two.", "Three." })
        {
            var accepted = await SubmitAsync("heidi", Encoding.UTF8.GetBytes(text), "text/plain");
            ids.Add(accepted.Json.GetProperty("turnId").GetString()!);
            app.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = app.Request("GET", "/api/v1/turns?limit=2", Principal.For("heidi"));
        var page1 = await FunctionsApp.ExecuteAsync(first, await Turns.ListAsync(first));
        var next = page1.Json.GetProperty("next").GetString()!;
        var second = app.Request("GET", "/api/v1/turns?limit=2&before=" + Uri.EscapeDataString(next), Principal.For("heidi"));
        var page2 = await FunctionsApp.ExecuteAsync(second, await Turns.ListAsync(second));
        var bad = app.Request("GET", "/api/v1/turns?limit=abc", Principal.For("heidi"));
        var badAnswer = await FunctionsApp.ExecuteAsync(bad, await Turns.ListAsync(bad));

        var seen = page1.Json.GetProperty("items").EnumerateArray().Concat(page2.Json.GetProperty("items").EnumerateArray())
            .Select(i => i.GetProperty("turnId").GetString()!).ToList();
        Assert.Equal(Enumerable.Reverse(ids).ToList(), seen);
        Assert.Equal(JsonValueKindNull, page2.Json.GetProperty("next").ValueKind);
        Assert.Equal((400, ErrorCodes.InvalidRequest), (badAnswer.Status, badAnswer.Code));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
