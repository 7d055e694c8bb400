using System.Net;
using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Audio;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>The whole pipeline for real: flite speech → HTTP → pocketsphinx → memory → fallback reply → flite/lame → HTTP.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly VoiceMemoryAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SpokenTurns_AreTranscribedRememberedAndRecalled()
    {
        var (client, _) = await factory.CreateUserAsync();
        const string sentence = "My name is Alice and I am allergic to peanuts.";

        var first = await client.WaitAsync(await client.SubmitAudioAsync(await Speech.SynthesizeWavAsync(sentence)));

        Assert.Equal(TurnState.Completed, first.Status);
        Assert.NotNull(first.Transcript);
        Assert.True(Speech.WordErrors(sentence, first.Transcript.Text) <= 1, $"transcript: {first.Transcript.Text}");
        Assert.Equal(ReplySource.Fallback, first.Reply!.Source);
        Assert.False(first.Safety!.Flagged);
        Assert.NotNull(first.TimingsMs.Transcribe);
        Assert.NotNull(first.TimingsMs.Speak);
        Assert.NotNull(first.TimingsMs.Total);

        var audio = await client.GetAsync(first.ReplyAudio!.Url);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        var bytes = await audio.Content.ReadAsByteArrayAsync();
        var format = AudioSniffer.Detect(bytes);
        Assert.Contains(format, new[] { AudioFormat.Mp3, AudioFormat.Wav });
        Assert.Equal(AudioFormats.ContentType(format), audio.Content.Headers.ContentType?.MediaType);

        var memories = await client.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options);
        Assert.Contains(memories!.Items, m => m.Text.Contains("peanut", StringComparison.OrdinalIgnoreCase) && m.SourceTurnId == first.TurnId);
        Assert.Contains(memories.Items, m => m.Text.Contains("Alice", StringComparison.OrdinalIgnoreCase));

        var second = await client.WaitAsync(await client.SubmitAudioAsync(await Speech.SynthesizeWavAsync("What am I allergic to?")));

        Assert.Equal(TurnState.Completed, second.Status);
        Assert.Contains("peanut", second.Reply!.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TypedTurn_SkipsTranscriptionAndAnswersInChinese()
    {
        var (client, _) = await factory.CreateUserAsync();

        var first = await client.WaitAsync(await client.SubmitTextAsync("我叫小明，我对花生过敏。", locale: "zh-CN"));
        var second = await client.WaitAsync(await client.SubmitTextAsync("我对什么过敏？", locale: "zh-CN"));

        Assert.Equal(TurnState.Completed, first.Status);
        Assert.Null(first.TimingsMs.Transcribe);
        Assert.Equal("zh-CN", first.Locale);
        Assert.Contains("花生", second.Reply!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silence_CompletesWithNoReply()
    {
        var (client, _) = await factory.CreateUserAsync();
        var folder = Directory.CreateTempSubdirectory("vm-silence-").FullName;
        var path = Path.Combine(folder, "silence.wav");
        await Speech.RunAsync("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0.0", "2.0"]);

        var status = await client.WaitAsync(await client.SubmitAudioAsync(await File.ReadAllBytesAsync(path)));

        Assert.Equal(TurnState.Completed, status.Status);
        Assert.Equal(ReplySource.None, status.Reply!.Source);
        Assert.Null(status.ReplyAudio);
        var audio = await client.GetAsync(TurnRoutes.Audio(status.TurnId));
        Assert.Equal(HttpStatusCode.NotFound, audio.StatusCode);
    }

    [Fact]
    public async Task ListTurns_NewestFirstWithPaging()
    {
        var (client, _) = await factory.CreateUserAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await client.SubmitTextAsync($"I like number {i}"));
        }

        var firstPage = await client.GetFromJsonAsync<TurnListBody>($"{TurnRoutes.Turns}?limit=2", ApiJson.Options);
        var secondPage = await client.GetFromJsonAsync<TurnListBody>($"{TurnRoutes.Turns}?limit=2&before={Uri.EscapeDataString(firstPage!.Next!)}", ApiJson.Options);

        Assert.Equal([ids[2], ids[1]], firstPage.Items.Select(t => t.TurnId));
        Assert.Equal([ids[0]], secondPage!.Items.Select(t => t.TurnId));
        Assert.Null(secondPage.Next);
    }

    [Fact]
    public async Task Health_IsAnonymousAndReportsEachDependency()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(TurnRoutes.Health);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\"", body, StringComparison.Ordinal);
        Assert.Contains("\"speech-to-text\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.DataRoot, body, StringComparison.Ordinal);
    }
}
