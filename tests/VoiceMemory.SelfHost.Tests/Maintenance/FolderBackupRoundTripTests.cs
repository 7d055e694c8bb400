using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

/// <summary>The shared backup format on real files: backup to a folder, copy it elsewhere, restore by path.</summary>
public sealed class FolderBackupRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 15, 0, TimeSpan.Zero);
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BackupToFolder_CopiedAndRenamed_RestoresByPath(bool encrypted)
    {
        var options = new BackupOptions { IncludeAudio = true, EncryptionKey = encrypted ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) : null };
        var source = SourceStores();
        var storage = new FolderBackupStorage(temp.Combine("data", "backups"));
        var backup = await new BackupService(source.Turns.Object, source.Memory.Object, source.Audio.Object, storage, Options.Create(options), new ManualTimeProvider(Now), NullLogger<BackupService>.Instance, source.Users.Object)
            .RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var copy = temp.Combine("usb", "my-backup");
        CopyFolder(temp.Combine("data", "backups", backup.BackupId), copy);

        var target = new StoreMocks();
        var reference = FolderBackupStorage.OpenBackupFolder(copy);
        var result = await Restore(target, options).RestoreAsync(reference.Storage, reference.BackupId, CancellationToken.None);

        Assert.Equal((1, 2, 1, 1, 1), (result.Users, result.Turns, result.Facts, result.JournalDays, result.AudioItems));
        Assert.Equal(await source.Turns.Object.ExportAsync(CancellationToken.None).ToListAsync(), target.SavedTurns);
        Assert.Equal("Likes tea", Assert.Single(target.ImportedFacts).Text);
        Assert.Equal(StoreMocks.AudioBytes("input/u1/t1.wav"), target.SavedAudio["input/u1/t1.wav"]);
        Assert.True(File.Exists(Path.Combine(copy, "manifest.json")));
        Assert.Equal(encrypted, File.Exists(Path.Combine(copy, "manifest.sig")));
    }

    [Fact]
    public async Task VerifyByPath_ByteFlippedOnDisk_Rejected()
    {
        var options = new BackupOptions { EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
        var source = SourceStores();
        var storage = new FolderBackupStorage(temp.Combine("backups"));
        var backup = await new BackupService(source.Turns.Object, source.Memory.Object, source.Audio.Object, storage, Options.Create(options), new ManualTimeProvider(Now), NullLogger<BackupService>.Instance, source.Users.Object)
            .RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var file = temp.Combine("backups", backup.BackupId, "turns.ndjson.gz");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^5] ^= 0x10;
        await File.WriteAllBytesAsync(file, bytes);

        var reference = FolderBackupStorage.OpenBackupFolder(temp.Combine("backups", backup.BackupId));
        var error = await Assert.ThrowsAsync<BackupRejectedException>(() => Restore(new StoreMocks(), options).VerifyAsync(reference.Storage, reference.BackupId, CancellationToken.None));

        Assert.Contains("turns.ndjson.gz", error.Message, StringComparison.Ordinal);
    }

    private static RestoreService Restore(StoreMocks target, BackupOptions options) =>
        new(target.Turns.Object, target.Memory.Object, target.Audio.Object, new FolderBackupStorage(Path.GetTempPath()), Options.Create(options), new ManualTimeProvider(Now), NullLogger<RestoreService>.Instance, target.Users.Object);

    private static StoreMocks SourceStores()
    {
        var input = new AudioRef("input/u1/t1.wav", "audio/wav", 100_000);
        TurnRecord[] turns =
        [
            new() { TurnId = "t1", UserId = "u1", State = TurnState.Completed, CreatedAt = Now, UpdatedAt = Now, Locale = "en-US", InputAudio = input, Transcript = new Transcript("I like tea", "en-US", 0.9), Reply = new Reply("Noted.", ReplySource.Fallback) },
            new() { TurnId = "t2", UserId = "u1", State = TurnState.Failed, CreatedAt = Now, UpdatedAt = Now, Locale = "en-US", Error = new TurnError("transcription_failed", "Transcription failed.") },
        ];
        return new StoreMocks(
            turns,
            [new MemoryFact("f1", "u1", "Likes tea", FactKind.Preference, null, "t1", Now, Now)],
            [new JournalDay("u1", new DateOnly(2026, 11, 22), "- 03:15 I like tea\n")],
            [new UserAccount("u1", "Alice", new string('a', 64), Now)],
            [new StoredAudio("input/u1/t1.wav", 100_000, Now)]);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
