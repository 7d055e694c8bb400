using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Moq;
using VoiceMemory.Audio;
using VoiceMemory.Functions.Hosting;
using VoiceMemory.Functions.Http;
using VoiceMemory.Functions.Maintenance;
using VoiceMemory.Functions.Orchestration;
using VoiceMemory.Functions.Tests.Support;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Audio;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Maintenance;

/// <summary>Erasure: afterwards nothing of the user is left in Azurite's tables and containers, and no orchestration instance.</summary>
public sealed class EraseTests
{
    [Fact]
    public async Task Erase_202_ThenNoEntityBlobOrInstanceOfTheUserRemains()
    {
        await using var app = await FunctionsApp.StartAsync();
        const string user = "quinn0erase";
        var finished = new List<string>
        {
            await app.TypedTurnAsync(user, "My name is Quinn and I am allergic to shellfish."),
            await app.TypedTurnAsync(user, "My daughter is called Ada."),
        };
        var bystander = await app.TypedTurnAsync("rita0stays", "My name is Rita.");

        // A spoken turn still running when the erase arrives: its transcription hangs until after the erase.
        var release = new TaskCompletionSource<Transcript>(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Stt.Setup(s => s.TranscribeAsync(It.IsAny<Stream>(), It.IsAny<AudioFormat>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(release.Task);
        var submit = app.Request("POST", "/api/v1/turns", Principal.For(user), new WavBytes().Build(), "audio/wav");
        var accepted = await FunctionsApp.ExecuteAsync(submit, await app.Get<TurnFunctions>().SubmitAsync(submit, app.Client));
        var running = accepted.Json.GetProperty("turnId").GetString()!;
        await Until.TrueAsync(async () => (await app.Client.GetInstanceAsync(running))?.RuntimeStatus == OrchestrationRuntimeStatus.Running, "the spoken turn to be running");

        var erased = await app.CallAsync("DELETE", "/api/v1/me", user, r => app.Get<MemoryFunctions>().EraseAsync(r, app.Client));

        Assert.Equal(202, erased.Status);
        foreach (var turnId in finished)
        {
            Assert.Null(await app.Client.GetInstanceAsync(turnId));
        }

        // The running instance was terminated; the sweep timer purges it once it has stopped.
        await Until.TrueAsync(async () => (await app.Client.GetInstanceAsync(running))?.RuntimeStatus == OrchestrationRuntimeStatus.Terminated, "the running turn to be terminated");
        await app.Get<MaintenanceFunctions>().SweepAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), app.Client, CancellationToken.None);
        Assert.Null(await app.Client.GetInstanceAsync(running));
        Assert.NotNull(await app.Client.GetInstanceAsync(bystander));

        Assert.Empty(await ScanAsync(app, user));
        Assert.NotEmpty(await ScanAsync(app, "rita0stays"));
        var memory = app.Get<IMemoryStore>();
        Assert.Empty(await memory.ListFactsAsync(user, 100, CancellationToken.None));
        Assert.Empty(await memory.ReadJournalAsync(user, CancellationToken.None));

        // The hung transcription now ends; the terminated instance never resumes, so nothing comes back.
        release.SetException(new OperationCanceledException("test over"));
    }

    /// <summary>Every table entity and blob of this app's storage that mentions <paramref name="user"/>.</summary>
    private static async Task<List<string>> ScanAsync(FunctionsApp app, string user)
    {
        var found = new List<string>();
        var tableNames = app.Layout.Tables.Concat(new[] { HostTables.RateLimits, HostTables.PendingTurns, HostTables.PendingPurges, HostTables.HealthReports }.Select(app.Tables.NameOf));
        foreach (var name in tableNames)
        {
            var table = app.TableService().GetTableClient(name);
            await table.CreateIfNotExistsAsync();
            await foreach (var entity in table.QueryAsync<TableEntity>())
            {
                if (((IDictionary<string, object>)entity).Values.OfType<string>().Append(entity.PartitionKey).Append(entity.RowKey).Any(v => v.Contains(user, StringComparison.Ordinal)))
                {
                    found.Add($"{name}/{entity.PartitionKey}/{entity.RowKey}");
                }
            }
        }

        foreach (var name in app.Layout.Containers)
        {
            var container = app.Blobs().GetBlobContainerClient(name);
            if (!await container.ExistsAsync())
            {
                continue;
            }

            await foreach (var blob in container.GetBlobsAsync())
            {
                if (blob.Name.Contains(user, StringComparison.Ordinal))
                {
                    found.Add($"{name}/{blob.Name}");
                }
            }
        }

        return found;
    }
}
