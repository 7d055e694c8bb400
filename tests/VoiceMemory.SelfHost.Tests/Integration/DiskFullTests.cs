using System.Net;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// The data root on a small tmpfs, filled while a turn is in flight, then read-only. Regression tests for what the
/// fault harness (tools/VoiceMemory.Harness, scenario diskfull) found: a typed turn on a full disk answered 500, and
/// the runner's failed reschedule escaped its worker and stopped the whole server; a read-only data root aborted the
/// process with an unhandled exception.
/// </summary>
public sealed class DiskFullTests
{
    [TmpfsFact]
    public async Task FullDataRoot_Answers507_KeepsRunning_AndFinishesAcceptedTurnsOnceSpaceReturns()
    {
        await using var llm = await FakeChatServer.StartAsync();
        llm.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wav = await Speech.SynthesizeWavAsync("I like green tea.");
        await using var tmpfs = await Tmpfs.MountAsync(32);
        var dataRoot = Path.Combine(tmpfs.Path, "data");
        var environment = Environment(llm.BaseUrl);
        var created = await ServerProcess.RunCliAsync(dataRoot, environment, "users", "add", "full");
        Assert.True(created.ExitCode == 0, created.StandardError);
        await using var server = await ServerProcess.StartAsync(dataRoot, environment);
        using var client = Client(server.Url, created.StandardOutput.Trim());

        // A turn waits inside the respond step (on the model) while the volume fills up. The write-ahead log is
        // emptied first, so that no space is left inside it either: then every database write fails, as on a disk
        // that has been full for a while.
        var inFlight = await client.SubmitTextAsync("I am allergic to peanuts.", idempotencyKey: "before-fill");
        await llm.FirstCall.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await TruncateWriteAheadLogAsync(dataRoot);
        tmpfs.Fill();

        using (var typed = await client.PostTextAsync("I like tea.", idempotencyKey: "while-full"))
        {
            Assert.Equal((HttpStatusCode.InsufficientStorage, "storage_full", "application/problem+json"), await typed.ProblemAsync());
        }

        using (var audio = await client.PostAudioAsync(wav, idempotencyKey: "audio-while-full"))
        {
            Assert.Equal((HttpStatusCode.InsufficientStorage, "storage_full", "application/problem+json"), await audio.ProblemAsync());
        }

        // The turn in flight now needs to store its work on the full volume, and its job cannot even be rescheduled.
        // The (only) worker must survive that: it used to die, and with it the whole server. The turn is put off, not failed.
        llm.Gate.TrySetResult();
        await Eventually(
            () => Task.FromResult(server.Output.Contains($"Turn {inFlight}: the run could not finish", StringComparison.Ordinal)),
            () => server.Output);
        await Eventually(
            async () =>
            {
                using var health = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
                return health.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            () => server.Output);

        tmpfs.Free();
        var retried = await client.SubmitTextAsync("I like tea.", idempotencyKey: "while-full");
        Assert.Equal(TurnState.Completed, (await client.WaitAsync(inFlight, TimeSpan.FromMinutes(3))).Status);
        Assert.Equal(TurnState.Completed, (await client.WaitAsync(retried, TimeSpan.FromMinutes(3))).Status);
        Assert.DoesNotContain("BackgroundService failed", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled error", server.Output, StringComparison.Ordinal);
        await server.StopAsync();
    }

    [TmpfsFact]
    public async Task ReadOnlyDataRoot_ServerRefusesToStart_WithOneClearLine()
    {
        await using var tmpfs = await Tmpfs.MountAsync(16);
        var dataRoot = Path.Combine(tmpfs.Path, "data");
        var created = await ServerProcess.RunCliAsync(dataRoot, null, "users", "add", "readonly");
        Assert.True(created.ExitCode == 0, created.StandardError);
        await tmpfs.RemountAsync(readOnly: true);
        try
        {
            var run = await ServerProcess.RunCliAsync(dataRoot, null, "--urls", "http://127.0.0.1:0");

            Assert.Equal(3, run.ExitCode);
            Assert.Contains("error: storage_unavailable:", run.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", run.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            await tmpfs.RemountAsync(readOnly: false);
        }
    }

    private static Dictionary<string, string> Environment(string llm) => new()
    {
        ["VoiceMemory__Llm__Endpoint"] = llm,
        ["VoiceMemory__Llm__ApiKey"] = "test-key",
        ["VoiceMemory__Llm__Model"] = "test-model",
        ["VoiceMemory__Llm__ExtractFacts"] = "false",
        // Renewed every 5 s: the steps below finish well before the first renewal, so the failure they meet is the
        // checkpoint write (then the reschedule), not the lease renewal (which would only interrupt the run).
        ["VoiceMemory__Runner__Lease"] = "00:00:15",
        ["VoiceMemory__Runner__RetryBaseDelay"] = "00:00:00.100",
        // One worker: a worker lost to an escaped exception stops the host, instead of hiding behind the other one.
        ["VoiceMemory__Runner__Workers"] = "1",
        ["VoiceMemory__Health__Interval"] = "00:00:05",
        ["VoiceMemory__Health__MinFreeDiskMegabytes"] = "4",
        ["VoiceMemory__Limits__RequestsPerMinute"] = "10000",
    };

    private static async Task TruncateWriteAheadLogAsync(string dataRoot)
    {
        var path = Path.Combine(dataRoot, "voicememory.db");
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(0L, reader.GetInt64(0)); // not blocked by a reader or writer
    }

    private static HttpClient Client(string url, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static async Task Eventually(Func<Task<bool>> condition, Func<string> log)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not become true in time; server log tail:\n" + string.Join('\n', log().Split('\n').TakeLast(40)));
            await Task.Delay(100);
        }
    }
}
