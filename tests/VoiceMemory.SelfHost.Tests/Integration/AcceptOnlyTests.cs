using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Api;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary><c>Runner:Workers = 0</c>: the server accepts and queues turns but runs none; a server with workers runs them later.</summary>
public sealed class AcceptOnlyTests
{
    [Fact]
    public async Task ZeroWorkers_AcceptsATurnAndLeavesItQueuedUntilAServerWithWorkersRunsIt()
    {
        var dataRoot = Directory.CreateTempSubdirectory("vm-accept-only-").FullName;
        string turnId;
        System.Net.Http.Headers.AuthenticationHeaderValue key;
        await using (var acceptOnly = new VoiceMemoryAppFactory(new Dictionary<string, string?> { ["VoiceMemory:Runner:Workers"] = "0" }, dataRoot))
        {
            var (client, _) = await acceptOnly.CreateUserAsync();
            key = client.DefaultRequestHeaders.Authorization!;

            turnId = await client.SubmitTextAsync("I like tea.");

            // Many poll intervals (50 ms here) pass: a worker, had there been one, would have claimed the job by now.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var status = await client.GetFromJsonAsync<TurnStatusBody>(TurnRoutes.Status(turnId), ApiJson.Options);
            var jobs = await acceptOnly.Services.GetRequiredService<SqliteJobStore>().CountAsync(CancellationToken.None);
            Assert.Equal(TurnState.Queued, status!.Status);
            Assert.Equal(new JobCounts(Pending: 1, Running: 0, Completed: 0, Failed: 0), jobs);
        }

        await using var worker = new VoiceMemoryAppFactory(new Dictionary<string, string?> { ["VoiceMemory:Runner:Workers"] = "1" }, dataRoot);
        using var later = worker.CreateClient();
        later.DefaultRequestHeaders.Authorization = key;
        var finished = await later.WaitAsync(turnId);
        Assert.Equal(TurnState.Completed, finished.Status);
    }
}
