using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.AzureAdmin;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>The operator's restore command, run in-process against Azurite with a real self-host backup folder.</summary>
public sealed class AzureAdminRestoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private readonly string folder = Directory.CreateTempSubdirectory("voicememory-azureadmin-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Restore_SelfHostBackupFolder_FillsEmptyAzureStorage_AndRefusesASecondRestore()
    {
        var backup = await SelfHostBackupAsync();
        var prefix = Prefix();

        var (code, output, error) = await RunAsync("restore", backup, "--connection-string", Azurite.ConnectionString, "--layout-prefix", prefix);
        var (again, _, againError) = await RunAsync("restore", backup, "--connection-string", Azurite.ConnectionString, "--layout-prefix", prefix);

        Assert.True(code == AzureAdminCli.Restored, error);
        Assert.Contains("2 turns, 1 facts, 1 journal days", output, StringComparison.Ordinal);
        var layout = AzureStorageLayout.WithPrefix(prefix);
        var turns = new TableTurnStore(Azurite.Tables(), layout.TurnsTable);
        Assert.Equal(["t2", "t1"], (await turns.ListByUserAsync("u1", 10, null, CancellationToken.None)).Items.Select(t => t.TurnId));
        var memory = new TableMemoryStore(Azurite.Tables(), layout.FactsTable, Azurite.Blobs(), layout.JournalContainer);
        Assert.Equal("I like tea", Assert.Single(await memory.SearchFactsAsync("u1", "tea", 5, CancellationToken.None)).Fact.Text);
        Assert.Equal(AzureAdminCli.NotEmpty, again);
        Assert.Contains("Restore only into empty storage", againError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_TamperedBackup_IsRefusedAndNothingIsWritten()
    {
        var backup = await SelfHostBackupAsync();
        var turnsFile = Path.Combine(backup, BackupFileNames.Turns);
        var bytes = await File.ReadAllBytesAsync(turnsFile);
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(turnsFile, bytes);
        var prefix = Prefix();

        var (code, _, error) = await RunAsync("restore", backup, "--connection-string", Azurite.ConnectionString, "--layout-prefix", prefix);

        Assert.Equal(AzureAdminCli.Refused, code);
        Assert.Contains("turns.ndjson.gz", error, StringComparison.Ordinal);
        var turns = new TableTurnStore(Azurite.Tables(), AzureStorageLayout.WithPrefix(prefix).TurnsTable);
        Assert.Empty(await turns.ExportAsync(CancellationToken.None).ToListAsync());
    }

    [Theory]
    [InlineData("restore")]
    [InlineData("restore", "/nowhere/20261122T031500Z", "--backup", "20261122T031500Z", "--connection-string", "x")]
    [InlineData("restore", "/nowhere/20261122T031500Z")]
    [InlineData("restore", "/nowhere/20261122T031500Z", "--blob-service-uri", "https://a.blob.core.windows.net/", "--connection-string", "x")]
    [InlineData("restore", "/nowhere/20261122T031500Z", "--blob-service-uri", "http://a.blob.core.windows.net/", "--table-service-uri", "https://a.table.core.windows.net/")]
    [InlineData("restore", "/nowhere/20261122T031500Z", "--layout-prefix", "Bad-Prefix", "--connection-string", "x")]
    [InlineData("backup")]
    public async Task Restore_BadArguments_FailWithAMessageAndTouchNothing(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(AzureAdminCli.Failed, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Restore_FolderThatIsNoBackup_Fails()
    {
        var (code, _, error) = await RunAsync("restore", Path.Combine(folder, "20261122T031500Z"), "--connection-string", Azurite.ConnectionString, "--layout-prefix", Prefix());

        Assert.Equal(AzureAdminCli.Failed, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static string Prefix() => "a" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AzureAdminCli.RunAsync(args, output, error, _ => null, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    // A real self-host backup: SQLite and files, taken by the shared BackupService into a backup folder.
    private async Task<string> SelfHostBackupAsync()
    {
        var db = new SqliteDatabase(Path.Combine(folder, "data", "voicememory.db"));
        await db.MigrateAsync(CancellationToken.None);
        var turns = new SqliteTurnStore(db);
        var memory = new SqliteMemoryStore(db, Path.Combine(folder, "data", "journal"));
        var audio = new FileAudioStore(Path.Combine(folder, "data", "audio"));
        foreach (var (id, minutes) in new[] { ("t1", 0), ("t2", 1) })
        {
            await turns.AddAsync(new TurnRecord { TurnId = id, UserId = "u1", State = TurnState.Completed, CreatedAt = Now.AddMinutes(minutes), UpdatedAt = Now, Locale = "en-US", Transcript = new Transcript("I like tea", "en-US", 1) }, CancellationToken.None);
        }

        await memory.UpsertFactsAsync("u1", "t1", [new ExtractedFact("I like tea", FactKind.Preference, null)], Now, CancellationToken.None);
        await memory.AppendJournalAsync("u1", new DateOnly(2026, 11, 22), "t1", "- tea", CancellationToken.None);
        var storage = new FolderBackupStorage(Path.Combine(folder, "backups"));
        var result = await new BackupService(turns, memory, audio, storage, Options.Create(new BackupOptions()), new ManualTimeProvider(Now), NullLogger<BackupService>.Instance)
            .RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        return Path.Combine(folder, "backups", result.BackupId);
    }
}
