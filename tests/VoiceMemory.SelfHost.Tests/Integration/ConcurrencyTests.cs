using System.Net.Http.Json;
using VoiceMemory.Api;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task TwentyTurnsAtOnce_AllCompleteNoneLostOrDuplicated()
    {
        await using var factory = new VoiceMemoryAppFactory();
        var (client, _) = await factory.CreateUserAsync();
        var sentences = new[] { "I love gardening.", "I live in Leeds.", "My name is Alice.", "I like tea.", "I am allergic to peanuts." };
        var audio = await Task.WhenAll(sentences.Select(Speech.SynthesizeWavAsync));

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? client.SubmitAudioAsync(audio[i % audio.Length])
            : client.SubmitTextAsync($"Remember that item {i} is in the blue box.")));
        var finished = await Task.WhenAll(ids.Select(id => client.WaitAsync(id, TimeSpan.FromMinutes(4))));

        Assert.Equal(20, ids.Distinct().Count());
        Assert.All(finished, s => Assert.Equal(TurnState.Completed, s.Status));
        var export = await client.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        Assert.Equal(20, export!.Turns.Count);
        var journal = string.Join('\n', export.Journal.Select(d => d.Markdown));
        foreach (var id in ids)
        {
            Assert.Equal(1, CountOccurrences(journal, $"turn:{id}"));
        }

        var replies = Directory.GetFiles(Path.Combine(factory.DataRoot, "audio", "reply"), "*", SearchOption.AllDirectories);
        Assert.Equal(20, replies.Length);
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
