using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>
/// A backup taken by one host restores into the other with identical exports: real SQLite and files on one side, real
/// Blob and Table storage (Azurite) on the other, the shared backup format in between, both ways.
/// </summary>
public sealed class BackupPortabilityTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("voicememory-portability-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SelfHostBackup_RestoresIntoAzure_AndAzureBackupRestoresIntoSelfHost_WithIdenticalExports(bool encrypted)
    {
        var options = Options.Create(new BackupOptions { IncludeAudio = true, EncryptionKey = encrypted ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : null });
        var selfHost = await SelfHostStoresAsync("first");
        await FillAsync(selfHost);
        var folderBackups = new FolderBackupStorage(Path.Combine(folder, "backups"));
        var taken = await Backup(selfHost, folderBackups, options).RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        var azure = await AzureStoresAsync();
        var restored = await Restore(azure, options).RestoreAsync(folderBackups, taken.BackupId, CancellationToken.None);

        Assert.Equal((3, 4, 3, 2), (restored.Turns, restored.Facts, restored.JournalDays, restored.AudioItems));
        await AssertSameExportsAsync(selfHost, azure);

        // And back: a backup taken in Azure (into its blob container) restores into an empty self-host.
        var azureTaken = await Backup(azure, azure.Backups, options, Now.AddHours(1)).RunAsync(BackupHosts.Azure, CancellationToken.None);
        var second = await SelfHostStoresAsync("second");
        await Restore(second, options).RestoreAsync(azure.Backups, azureTaken.BackupId, CancellationToken.None);

        await AssertSameExportsAsync(selfHost, second);
    }

    [Fact]
    public async Task TamperedSelfHostBackup_IsRefusedAndAzureStaysEmpty()
    {
        var options = Options.Create(new BackupOptions { IncludeAudio = true });
        var selfHost = await SelfHostStoresAsync("first");
        await FillAsync(selfHost);
        var folderBackups = new FolderBackupStorage(Path.Combine(folder, "backups"));
        var taken = await Backup(selfHost, folderBackups, options).RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var file = Path.Combine(folder, "backups", taken.BackupId, BackupFileNames.Facts);
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^6] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        var azure = await AzureStoresAsync();
        await Assert.ThrowsAsync<BackupRejectedException>(() => Restore(azure, options).RestoreAsync(folderBackups, taken.BackupId, CancellationToken.None));

        Assert.Empty(await azure.Turns.ExportAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await azure.Memory.ExportFactsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await azure.Audio.ListAsync("", CancellationToken.None).ToListAsync());
    }

    private static async Task FillAsync(Stores stores)
    {
        var input = await stores.Audio.SaveAsync(AudioKeys.Input("u1", "t1", ".wav"), new MemoryStream(Bytes(5_000, 1)), "audio/wav", CancellationToken.None);
        var reply = await stores.Audio.SaveAsync(AudioKeys.Reply("u1", "t1", ".mp3"), new MemoryStream(Bytes(3_000, 2)), "audio/mpeg", CancellationToken.None);
        await stores.Turns.AddAsync(Turn("u1", "t1", Now) with { IdempotencyKey = "key-1", InputAudio = input, ReplyAudio = reply, State = TurnState.Completed, Transcript = new Transcript("I am allergic to peanuts", "en-US", 0.9), Reply = new Reply("I'll remember.", ReplySource.Fallback), Timings = new StageTimings(1, 2, 3, 4, 5, 6, 21) }, CancellationToken.None);
        await stores.Turns.AddAsync(Turn("u1", "t2", Now.AddMinutes(1)) with { Typed = true, Transcript = new Transcript("我住在上海", "zh-CN", 1) }, CancellationToken.None);
        await stores.Turns.AddAsync(Turn("u2", "t3", Now.AddMinutes(2)) with { State = TurnState.Failed, Error = new TurnError("step_failed", "nope") }, CancellationToken.None);
        await stores.Memory.UpsertFactsAsync("u1", "t1", [new("I am allergic to peanuts", FactKind.Health, null), new("My name is Ada", FactKind.Profile, "profile.name")], Now, CancellationToken.None);
        await stores.Memory.UpsertFactsAsync("u1", "t2", [new("我住在上海", FactKind.Profile, "profile.city")], Now.AddMinutes(1).AddTicks(1234), CancellationToken.None);
        await stores.Memory.UpsertFactsAsync("u2", "t3", [new("I like tea", FactKind.Preference, null)], Now, CancellationToken.None);
        await stores.Memory.AppendJournalAsync("u1", DateOnly.FromDateTime(Now.UtcDateTime), "t1", "- 03:15 You said you are allergic to peanuts.", CancellationToken.None);
        await stores.Memory.AppendJournalAsync("u1", DateOnly.FromDateTime(Now.UtcDateTime), "t2", "- 03:16 你住在上海。", CancellationToken.None);
        await stores.Memory.AppendJournalAsync("u2", DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-1), "t0", "- an older day", CancellationToken.None);
        await stores.Memory.AppendJournalAsync("u2", DateOnly.FromDateTime(Now.UtcDateTime), "t3", "- tea", CancellationToken.None);
    }

    private static async Task AssertSameExportsAsync(Stores expected, Stores actual)
    {
        Assert.Equal(
            (await expected.Turns.ExportAsync(CancellationToken.None).ToListAsync()).OrderBy(t => t.TurnId),
            (await actual.Turns.ExportAsync(CancellationToken.None).ToListAsync()).OrderBy(t => t.TurnId));
        Assert.Equal(
            (await expected.Memory.ExportFactsAsync(CancellationToken.None).ToListAsync()).OrderBy(f => f.Id),
            (await actual.Memory.ExportFactsAsync(CancellationToken.None).ToListAsync()).OrderBy(f => f.Id));
        Assert.Equal(
            (await expected.Memory.ExportJournalAsync(CancellationToken.None).ToListAsync()).OrderBy(d => (d.UserId, d.Day)),
            (await actual.Memory.ExportJournalAsync(CancellationToken.None).ToListAsync()).OrderBy(d => (d.UserId, d.Day)));
        var expectedAudio = (await expected.Audio.ListAsync("", CancellationToken.None).ToListAsync()).Select(a => (a.Key, a.Bytes)).Order().ToList();
        Assert.Equal(expectedAudio, (await actual.Audio.ListAsync("", CancellationToken.None).ToListAsync()).Select(a => (a.Key, a.Bytes)).Order());
        foreach (var (key, _) in expectedAudio)
        {
            Assert.Equal(await ReadAsync(expected.Audio, key), await ReadAsync(actual.Audio, key));
        }

        // The restored stores work: recall finds facts, idempotency keys still resolve, journal appends stay idempotent.
        Assert.Equal("我住在上海", (await actual.Memory.SearchFactsAsync("u1", "上海", 5, CancellationToken.None))[0].Fact.Text);
        Assert.Equal("t1", (await actual.Turns.AddAsync(Turn("u1", "t99", Now) with { IdempotencyKey = "key-1" }, CancellationToken.None)).TurnId);
        await actual.Turns.DeleteAsync("u1", "t99", CancellationToken.None);
    }

    private async Task<Stores> SelfHostStoresAsync(string name)
    {
        var db = new SqliteDatabase(Path.Combine(folder, name, "voicememory.db"));
        await db.MigrateAsync(CancellationToken.None);
        return new Stores(
            new SqliteTurnStore(db),
            new SqliteMemoryStore(db, Path.Combine(folder, name, "journal")),
            new FileAudioStore(Path.Combine(folder, name, "audio")),
            new FolderBackupStorage(Path.Combine(folder, name, "own-backups")));
    }

    private static async Task<Stores> AzureStoresAsync()
    {
        var blobs = Azurite.Blobs();
        var tables = Azurite.Tables();
        var layout = await Azurite.NewLayoutAsync(blobs, tables);
        return new Stores(
            new TableTurnStore(tables, layout.TurnsTable),
            new TableMemoryStore(tables, layout.FactsTable, blobs, layout.JournalContainer),
            new BlobAudioStore(blobs, layout.AudioContainer, TimeProvider.System),
            new BlobBackupStorage(blobs, layout.BackupsContainer));
    }

    private static BackupService Backup(Stores stores, IBackupStorage target, IOptions<BackupOptions> options, DateTimeOffset? at = null) =>
        new(stores.Turns, stores.Memory, stores.Audio, target, options, new ManualTimeProvider(at ?? Now), NullLogger<BackupService>.Instance);

    private static RestoreService Restore(Stores stores, IOptions<BackupOptions> options) =>
        new(stores.Turns, stores.Memory, stores.Audio, stores.Backups, options, new ManualTimeProvider(Now), NullLogger<RestoreService>.Instance);

    private static TurnRecord Turn(string userId, string turnId, DateTimeOffset at) => new()
    {
        TurnId = turnId,
        UserId = userId,
        State = TurnState.Queued,
        CreatedAt = at,
        UpdatedAt = at,
        Locale = "en-US",
    };

    private static byte[] Bytes(int length, byte seed) => Enumerable.Range(0, length).Select(i => (byte)(i * seed)).ToArray();

    private static async Task<byte[]> ReadAsync(IAudioStore audio, string key)
    {
        await using var stream = await audio.OpenReadAsync(key, CancellationToken.None) ?? throw new InvalidOperationException($"{key} is missing");
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed record Stores(ITurnStore Turns, IMemoryStore Memory, IAudioStore Audio, IBackupStorage Backups);
}
