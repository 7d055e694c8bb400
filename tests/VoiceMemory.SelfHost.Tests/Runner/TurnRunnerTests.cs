using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.SelfHost.Tests.Integration;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Runner;

/// <summary>The runner against the real server: a turn whose runs keep being interrupted is failed, not retried forever.</summary>
public sealed class TurnRunnerTests
{
    [Fact]
    public async Task Job_InterruptedMoreThanMaxJobAttempts_FailsTheTurnWithAReason()
    {
        await using var factory = new VoiceMemoryAppFactory(new Dictionary<string, string?>
        {
            ["VoiceMemory:Runner:MaxJobAttempts"] = "3",
            ["VoiceMemory:Runner:Workers"] = "1",
        });
        var (client, userId) = await factory.CreateUserAsync();
        var jobs = factory.Services.GetRequiredService<SqliteJobStore>();
        var database = factory.Services.GetRequiredService<SqliteDatabase>();
        // A turn whose job has been taken over after three crashed runs, as if it killed the process each time.
        var turnId = await client.SubmitTextAsync("Hello there.", idempotencyKey: "poison");
        await client.WaitAsync(turnId);
        var turns = factory.Services.GetRequiredService<VoiceMemory.Storage.ITurnStore>();
        var request = JsonSerializer.Serialize(TurnRequests.From((await turns.GetAsync(userId, turnId, CancellationToken.None))!), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE jobs SET state = 'pending', attempts = 3, next_attempt_at = 0, request_json = $request WHERE turn_id = $turn; UPDATE turns SET state = 'queued' WHERE turn_id = $turn";
            command.Parameters.AddWithValue("$turn", turnId);
            command.Parameters.AddWithValue("$request", request);
            await command.ExecuteNonQueryAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        JobCounts counts;
        do
        {
            await Task.Delay(50);
            counts = await jobs.CountAsync(CancellationToken.None);
        }
        while (counts.Failed == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, counts.Failed);
        var turn = await turns.GetAsync(userId, turnId, CancellationToken.None);
        Assert.Equal(TurnState.Failed, turn!.State);
        Assert.Equal(ErrorCodes.StepFailed, turn.Error!.Code);
    }
}
