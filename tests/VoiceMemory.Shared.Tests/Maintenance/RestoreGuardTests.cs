using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class RestoreGuardTests
{
    [Theory]
    [InlineData("users")]
    [InlineData("turns")]
    [InlineData("facts")]
    [InlineData("journal")]
    public async Task Restore_IntoStoresHoldingData_RefusedAndNothingWritten(string occupied)
    {
        var source = new MaintenanceHarness();
        await source.SeedAsync();
        var backup = await source.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var target = source.EmptyTwin();
        var ct = CancellationToken.None;
        switch (occupied)
        {
            case "users":
                await target.Users.AddAsync(new UserAccount("u9", "Zed", new string('z', 64), MaintenanceHarness.Start), ct);
                break;
            case "turns":
                await target.Turns.SaveAsync(source.Turns.All.First() with { TurnId = "other" }, ct);
                break;
            case "facts":
                await target.Memory.UpsertFactsAsync("u9", "t9", [new ExtractedFact("likes tea", FactKind.Preference, null)], MaintenanceHarness.Start, ct);
                break;
            default:
                await target.Memory.AppendJournalAsync("u9", new DateOnly(2026, 1, 1), "t9", "- entry", ct);
                break;
        }

        var writesBefore = target.StoreWrites;

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() => target.Restore().RestoreAsync(backup.BackupId, ct));

        Assert.Equal(ErrorCodes.RestoreTargetNotEmpty, error.Code);
        Assert.Contains(occupied, error.Message, StringComparison.Ordinal);
        Assert.Equal(writesBefore, target.StoreWrites);
    }

    [Fact]
    public async Task Backup_CrashBeforeCommit_IsNotListedNotRestorableAndRetentionRemovesItLater()
    {
        var h = new MaintenanceHarness();
        await h.SeedAsync();
        h.Storage.FailCommit = true;
        h.Storage.FailDelete = true;

        await Assert.ThrowsAsync<IOException>(() => h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        var ct = CancellationToken.None;
        Assert.Empty(await h.Storage.ListBackupsAsync(ct).ToListAsync());
        Assert.Equal(["20261122T031500Z"], await h.Storage.ListPendingBackupsAsync(ct).ToListAsync());
        await Assert.ThrowsAsync<BackupRejectedException>(() => h.EmptyTwin().Restore().RestoreAsync("20261122T031500Z", ct));

        h.Storage.FailDelete = false;
        h.Time.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, (await h.Retention().RunAsync(ct)).Backups);
        h.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await h.Retention().RunAsync(ct)).Backups);
        Assert.Empty(await h.Storage.ListPendingBackupsAsync(ct).ToListAsync());
    }

    [Fact]
    public async Task Backup_FailureMidway_RemovesThePendingBackup()
    {
        var h = new MaintenanceHarness();
        await h.SeedAsync();
        h.Storage.FailCommit = true;

        await Assert.ThrowsAsync<IOException>(() => h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        Assert.Empty(await h.Storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Backup_Cancelled_RemovesThePendingBackupAndThrows()
    {
        var h = new MaintenanceHarness();
        await h.SeedAsync(extraTurns: 200);
        using var cts = new CancellationTokenSource();
        var turns = new CancellingTurnStore(h.Turns, cts);
        var service = new BackupService(turns, h.Memory, h.Audio, h.Storage, Microsoft.Extensions.Options.Options.Create(h.BackupOptions), h.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<BackupService>.Instance, h.Users);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.RunAsync(BackupHosts.SelfHost, cts.Token));

        Assert.Empty(await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await h.Storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
    }

    /// <summary>Cancels the backup while the turns are being exported.</summary>
    private sealed class CancellingTurnStore(InMemoryTurnStore inner, CancellationTokenSource cancel) : ITurnStore
    {
        public Task<Turns.TurnRecord> AddAsync(Turns.TurnRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

        public Task<Turns.TurnRecord?> GetAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.GetAsync(userId, turnId, cancellationToken);

        public Task SaveAsync(Turns.TurnRecord record, CancellationToken cancellationToken) => inner.SaveAsync(record, cancellationToken);

        public Task<TurnPage> ListByUserAsync(string userId, int limit, string? cursor, CancellationToken cancellationToken) => inner.ListByUserAsync(userId, limit, cursor, cancellationToken);

        public IAsyncEnumerable<Turns.TurnRecord> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.ListOlderThanAsync(cutoff, cancellationToken);

        public async IAsyncEnumerable<Turns.TurnRecord> ExportAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var n = 0;
            await foreach (var turn in inner.ExportAsync(cancellationToken))
            {
                if (++n == 50)
                {
                    await cancel.CancelAsync();
                }

                cancellationToken.ThrowIfCancellationRequested();
                yield return turn;
            }
        }

        public Task<bool> DeleteAsync(string userId, string turnId, CancellationToken cancellationToken) => inner.DeleteAsync(userId, turnId, cancellationToken);

        public Task<int> DeleteUserAsync(string userId, CancellationToken cancellationToken) => inner.DeleteUserAsync(userId, cancellationToken);
    }
}
