using System.Net.Http.Headers;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>SIGTERM stops claiming new work but lets an in-flight step finish within the grace period.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_MidStep_FinishesTheStepAndTheTurnIsNotRunTwice()
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var dataRoot = Directory.CreateTempSubdirectory("vm-shutdown-").FullName;
        var environment = new Dictionary<string, string>
        {
            // Polling every 100 ms on a slow machine would pass the default 60 requests a minute.
            ["VoiceMemory__Limits__RequestsPerMinute"] = "100000",
            ["VoiceMemory__Llm__Endpoint"] = llm.BaseUrl,
            ["VoiceMemory__Llm__ApiKey"] = "test-key",
            ["VoiceMemory__Llm__Model"] = "test-model",
            ["VoiceMemory__Llm__ExtractFacts"] = "false",
            ["VoiceMemory__Llm__TimeoutSeconds"] = "120",
            ["VoiceMemory__Runner__ShutdownTimeout"] = "00:00:30",
        };
        var created = await ServerProcess.RunCliAsync(dataRoot, environment, "users", "add", "shutdown");
        Assert.True(created.ExitCode == 0, created.StandardError);
        var key = created.StandardOutput.Trim();

        string turnId;
        await using (var server = await ServerProcess.StartAsync(dataRoot, environment))
        {
            using var client = new HttpClient { BaseAddress = new Uri(server.Url) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            turnId = await client.SubmitTextAsync("I love my garden.");
            await llm.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var stopping = server.StopAsync();
            await Task.Delay(500);
            llm.Gate.TrySetResult();
            await stopping;
            Assert.Contains("finished: Completed", server.Output, StringComparison.Ordinal);
        }

        await using var restarted = await ServerProcess.StartAsync(dataRoot, environment);
        using var again = new HttpClient { BaseAddress = new Uri(restarted.Url) };
        again.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var status = await again.WaitAsync(turnId, TimeSpan.FromSeconds(30));

        Assert.Equal(TurnState.Completed, status.Status);
        Assert.Equal(ReplySource.Llm, status.Reply!.Source);
        Assert.Equal(1, llm.Calls);
    }
}
