using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Tests.Integration;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Runner;

/// <summary>
/// A step that cannot store its work because the disk is full (or read-only) does not fail the turn: the job is run
/// again later and the turn completes once the storage is back. Found by the fault harness (diskfull): an accepted
/// turn could end failed with storage_full when its reply audio hit a full disk while the database still had room.
/// </summary>
public sealed class StorageDeferralTests
{
    [Fact]
    public async Task SpeakStepOnFullDisk_TurnIsPutOffNotFailed_AndCompletesWhenSpaceReturns()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-defer-").FullName;
        var audio = new SwitchableAudioStore(new FileAudioStore(Path.Combine(dataRoot, "audio")));
        await using var factory = new VoiceMemoryAppFactory(
            new Dictionary<string, string?> { ["VoiceMemory:Runner:MaxStepAttempts"] = "2" },
            dataRoot,
            services => services.AddSingleton<IAudioStore>(audio));
        var (client, _) = await factory.CreateUserAsync();
        audio.ReplyWritesFail = true;

        var turnId = await client.SubmitTextAsync("I like green tea.");
        // Two runs of the job, each giving up on the speak step after its 2 attempts.
        await Eventually(() => audio.Refused >= 4, "the speak step was not tried again after its job gave up once: was the turn failed instead of put off?");
        var meanwhile = await client.GetFromJsonAsync<TurnStatusBody>(TurnRoutes.Status(turnId), ApiJson.Options);
        Assert.NotEqual(TurnState.Failed, meanwhile!.Status);

        audio.ReplyWritesFail = false;
        var finished = await client.WaitAsync(turnId, TimeSpan.FromSeconds(60));

        Assert.Equal(TurnState.Completed, finished.Status);
        Assert.NotNull(finished.ReplyAudio);
    }

    private static async Task Eventually(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(50);
        }
    }
}
