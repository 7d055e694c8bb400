using System.Net.Http.Headers;
using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>kill -9 in the middle of a turn loses nothing: after a restart the turn completes, its side effects exist once.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KilledMidTurn_CompletesOnceAfterRestart()
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dataRoot = Directory.CreateTempSubdirectory("vm-crash-").FullName;
        var environment = new Dictionary<string, string>
        {
            // Polling every 100 ms on a slow machine would pass the default 60 requests a minute.
            ["VoiceMemory__Limits__RequestsPerMinute"] = "100000",
            ["VoiceMemory__Llm__Endpoint"] = llm.BaseUrl,
            ["VoiceMemory__Llm__ApiKey"] = "test-key",
            ["VoiceMemory__Llm__Model"] = "test-model",
            ["VoiceMemory__Llm__ExtractFacts"] = "false",
            ["VoiceMemory__Llm__TimeoutSeconds"] = "120",
            ["VoiceMemory__Runner__Lease"] = "00:00:03",
        };
        var created = await ServerProcess.RunCliAsync(dataRoot, environment, "users", "add", "crash");
        Assert.True(created.ExitCode == 0, created.StandardError);
        var key = created.StandardOutput.Trim();
        var wav = await Speech.SynthesizeWavAsync("I am allergic to peanuts.");

        string turnId;
        await using (var first = await ServerProcess.StartAsync(dataRoot, environment))
        {
            using var client = Client(first.Url, key);
            turnId = await client.SubmitAudioAsync(wav);
            // The turn is now inside the respond step, waiting on the model: kill the server there.
            await llm.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        llm.Gate.TrySetResult();
        llm.Gate = null;
        await using var second = await ServerProcess.StartAsync(dataRoot, environment);
        using var again = Client(second.Url, key);
        var status = await again.WaitAsync(turnId, TimeSpan.FromSeconds(90));

        Assert.Equal(TurnState.Completed, status.Status);
        Assert.Equal(ReplySource.Llm, status.Reply!.Source);
        Assert.True(Speech.WordErrors("I am allergic to peanuts", status.Transcript!.Text) <= 1, status.Transcript.Text);
        var list = await again.GetFromJsonAsync<TurnListBody>(TurnRoutes.Turns, ApiJson.Options);
        Assert.Single(list!.Items);
        var memories = await again.GetFromJsonAsync<MemoryListBody>(TurnRoutes.Memories, ApiJson.Options);
        Assert.Single(memories!.Items, m => m.Text.Contains("peanut", StringComparison.OrdinalIgnoreCase));
        var journal = string.Concat(Directory.GetFiles(Path.Combine(dataRoot, "journal"), "*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Equal(1, journal.Split($"turn:{turnId}").Length - 1);
        Assert.Single(Directory.GetFiles(Path.Combine(dataRoot, "audio", "reply"), "*", SearchOption.AllDirectories));
        // The understand step was replayed from its checkpoint, not transcribed again.
        Assert.Contains("1 step(s) replayed", second.Output, StringComparison.Ordinal);
        await second.StopAsync();
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
