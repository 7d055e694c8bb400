using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Telemetry;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>Crisis input: the crisis reply, no LLM call, nothing of the words kept, the safety metric recorded.</summary>
public sealed class CrisisTests : IAsyncLifetime
{
    private FakeChatServer llm = null!;
    private VoiceMemoryAppFactory factory = null!;

    public async Task InitializeAsync()
    {
        llm = await FakeChatServer.StartAsync();
        factory = new VoiceMemoryAppFactory(new Dictionary<string, string?>
        {
            ["VoiceMemory:Llm:Endpoint"] = llm.BaseUrl,
            ["VoiceMemory:Llm:ApiKey"] = "test-key",
            ["VoiceMemory:Llm:Model"] = "test-model",
            ["VoiceMemory:Llm:ExtractFacts"] = "false",
        });
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await llm.DisposeAsync();
    }

    [Fact]
    public async Task SpokenCrisis_GetsCrisisReplyWithoutLlmAndKeepsNoTranscript()
    {
        var (client, _) = await factory.CreateUserAsync();
        var flags = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == VoiceMemoryTelemetry.Name && instrument.Name == "voicememory.safety.flags")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "action" && (string?)tag.Value == "crisis_reply")
                {
                    Interlocked.Add(ref flags, value);
                }
            }
        });
        listener.Start();

        var status = await client.WaitAsync(await client.SubmitAudioAsync(await Speech.SynthesizeWavAsync("I want to kill myself tonight.")));

        Assert.Equal(TurnState.Completed, status.Status);
        Assert.Equal(ReplySource.Safety, status.Reply!.Source);
        Assert.Contains("988", status.Reply.Text, StringComparison.Ordinal);
        Assert.Equal(SafetyAction.CrisisReply, status.Safety!.Action);
        Assert.True(status.Safety.Flagged);
        Assert.Null(status.Transcript);
        Assert.NotNull(status.ReplyAudio);
        Assert.Equal(0, llm.Calls);
        Assert.True(Interlocked.Read(ref flags) >= 1);

        var export = await client.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        Assert.Empty(export!.Facts);
        var journal = string.Join('\n', export.Journal.Select(d => d.Markdown));
        Assert.DoesNotContain("kill", journal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("afety", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrdinaryTurn_UsesTheConfiguredLlm()
    {
        var (client, _) = await factory.CreateUserAsync();
        llm.ReplyText = "Gardening sounds wonderful.";

        var status = await client.WaitAsync(await client.SubmitTextAsync("I love gardening."));

        Assert.Equal(ReplySource.Llm, status.Reply!.Source);
        Assert.Equal("Gardening sounds wonderful.", status.Reply.Text);
        Assert.True(llm.Calls >= 1);
    }

    [Fact]
    public async Task TypedCrisisInChinese_GetsTheChineseHotline()
    {
        var (client, _) = await factory.CreateUserAsync();

        var status = await client.WaitAsync(await client.SubmitTextAsync("我不想活了", locale: "zh-CN"));

        Assert.Equal(SafetyAction.CrisisReply, status.Safety!.Action);
        Assert.Contains("12356", status.Reply!.Text, StringComparison.Ordinal);
        Assert.Null(status.Transcript);
    }
}
