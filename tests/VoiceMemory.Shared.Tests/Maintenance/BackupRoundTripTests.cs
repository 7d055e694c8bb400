using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VoiceMemory.Maintenance;
using VoiceMemory.Storage;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class BackupRoundTripTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BackupWipeRestore_WithAudio_GivesBackIdenticalData(bool encrypted)
    {
        var source = new MaintenanceHarness();
        source.BackupOptions.IncludeAudio = true;
        source.BackupOptions.EncryptionKey = encrypted ? MaintenanceHarness.NewKey() : null;
        await source.SeedAsync(extraTurns: 1_500);

        var backup = await source.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var target = source.EmptyTwin();
        var result = await target.Restore().RestoreAsync(backup.BackupId, CancellationToken.None);

        Assert.Equal((2, 1_504, 3, 3, 4), (result.Users, result.Turns, result.Facts, result.JournalDays, result.AudioItems));
        await AssertSameDataAsync(source, target, withAudio: true);
    }

    [Fact]
    public async Task BackupWipeRestore_WithoutAudio_RestoresRecordsAndNoAudio()
    {
        var source = new MaintenanceHarness();
        await source.SeedAsync();

        var backup = await source.Backup().RunAsync(BackupHosts.Azure, CancellationToken.None);
        var target = source.EmptyTwin();
        var result = await target.Restore().RestoreAsync(backup.BackupId, CancellationToken.None);

        Assert.DoesNotContain(backup.Files, f => f.Name.StartsWith(BackupFileNames.AudioPrefix, StringComparison.Ordinal));
        Assert.Equal(0, result.AudioItems);
        Assert.Empty(target.Audio.Keys);
        await AssertSameDataAsync(source, target, withAudio: false);
    }

    [Fact]
    public async Task Restore_AudioContentType_ComesFromTheOwningTurn()
    {
        var source = new MaintenanceHarness();
        source.BackupOptions.IncludeAudio = true;
        await source.SeedAsync();
        var backup = await source.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        var target = source.EmptyTwin();
        await target.Restore().RestoreAsync(backup.BackupId, CancellationToken.None);

        Assert.Equal("audio/wav", target.Audio.ContentTypeOf(AudioKeys.Input("u1", "t1", ".wav")));
        Assert.Equal("audio/mpeg", target.Audio.ContentTypeOf(AudioKeys.Reply("u2", "t2", ".mp3")));
    }

    [Fact]
    public async Task Backup_Unencrypted_WritesManifestWithChecksumsOfStoredBytesAndGzipNdjson()
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.IncludeAudio = true;
        await h.SeedAsync();

        var backup = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        Assert.Equal("20261122T031500Z", backup.BackupId);
        var files = h.Storage.Files(backup.BackupId);
        Assert.False(files.ContainsKey(BackupFileNames.Signature));
        using var manifest = JsonDocument.Parse(files[BackupFileNames.Manifest]);
        var root = manifest.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("selfhost", root.GetProperty("host").GetString());
        Assert.False(root.GetProperty("encrypted").GetBoolean());
        Assert.Equal(MaintenanceHarness.Start, root.GetProperty("createdAt").GetDateTimeOffset());
        var entries = root.GetProperty("files").EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(
            ["audio/input/u1/t1.wav", "audio/input/u2/t2.wav", "audio/reply/u1/t1.mp3", "audio/reply/u2/t2.mp3", "facts.ndjson.gz", "journal.ndjson.gz", "turns.ndjson.gz", "users.ndjson.gz"],
            entries.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, entry) in entries)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[name])), entry.GetProperty("sha256").GetString());
            Assert.Equal(files[name].Length, entry.GetProperty("bytes").GetInt64());
        }

        Assert.Equal(4, entries["turns.ndjson.gz"].GetProperty("count").GetInt64());
        Assert.Equal(h.Audio.BytesOf("reply/u2/t2.mp3"), files["audio/reply/u2/t2.mp3"]);

        var lines = Gunzip(files[BackupFileNames.Turns]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("t1", first.RootElement.GetProperty("turnId").GetString());
        Assert.Equal("completed", first.RootElement.GetProperty("state").GetString());
        Assert.False(first.RootElement.TryGetProperty("isFinished", out _));
    }

    [Fact]
    public async Task Backup_Encrypted_HidesContentAndSignsManifest()
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.IncludeAudio = true;
        h.BackupOptions.EncryptionKey = MaintenanceHarness.NewKey();
        await h.SeedAsync();

        var backup = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        var files = h.Storage.Files(backup.BackupId);
        Assert.Equal(64, Encoding.ASCII.GetString(files[BackupFileNames.Signature]).Length);
        using var manifest = JsonDocument.Parse(files[BackupFileNames.Manifest]);
        Assert.True(manifest.RootElement.GetProperty("encrypted").GetBoolean());
        Assert.Matches("^[0-9a-f]{16}$", manifest.RootElement.GetProperty("keyId").GetString());
        foreach (var name in files.Keys.Where(n => n.EndsWith(".gz", StringComparison.Ordinal) || n.StartsWith("audio/", StringComparison.Ordinal)))
        {
            Assert.Equal("VMBK"u8.ToArray(), files[name][..4]);
        }

        Assert.NotEqual(h.Audio.BytesOf("reply/u2/t2.mp3").Length, files["audio/reply/u2/t2.mp3"].Length);
        var all = Encoding.UTF8.GetString(files.Values.SelectMany(b => b).ToArray());
        Assert.DoesNotContain("peanuts", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WithoutUserStore_WritesAnEmptyUsersFileThatRestores()
    {
        var source = new MaintenanceHarness();
        await source.SeedAsync();

        var backup = await source.Backup(withUsers: false).RunAsync(BackupHosts.Azure, CancellationToken.None);
        var target = source.EmptyTwin();
        var result = await target.Restore().RestoreAsync(backup.BackupId, CancellationToken.None);

        Assert.Equal(0, backup.Files.Single(f => f.Name == BackupFileNames.Users).Count);
        Assert.Equal(0, result.Users);
        Assert.Equal(4, result.Turns);
    }

    [Fact]
    public async Task Restore_IntoHostWithoutUserStore_SkipsUsersAndRestoresTheRest()
    {
        var source = new MaintenanceHarness();
        await source.SeedAsync();
        var backup = await source.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        var target = source.EmptyTwin();
        var result = await target.Restore(withUsers: false).RestoreAsync(backup.BackupId, CancellationToken.None);

        Assert.Equal(0, result.Users);
        Assert.Equal(0, target.Users.Writes);
        Assert.Equal(4, target.Turns.All.Count);
    }

    [Fact]
    public async Task Verify_GoodBackup_ReturnsItsManifestAndWritesNothing()
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.EncryptionKey = MaintenanceHarness.NewKey();
        await h.SeedAsync();
        var backup = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        var before = h.StoreWrites;

        var manifest = await h.Restore().VerifyAsync(backup.BackupId, CancellationToken.None);

        Assert.Equal(backup.BackupId, manifest.BackupId);
        Assert.True(manifest.Encrypted);
        Assert.Equal(backup.Files, manifest.Files);
        Assert.Equal(before, h.StoreWrites);
    }

    [Fact]
    public async Task Run_TwoBackupsAtDifferentTimes_GetTimestampIds()
    {
        var h = new MaintenanceHarness();
        var first = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        h.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(7));
        var second = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        Assert.Equal("20261122T031500Z", first.BackupId);
        Assert.Equal("20261123T031507Z", second.BackupId);
        Assert.Equal([first.BackupId, second.BackupId], await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Run_SameSecondTwice_SecondFailsAndFirstSurvives()
    {
        var h = new MaintenanceHarness();
        var service = h.Backup();
        var first = await service.RunAsync(BackupHosts.SelfHost, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => service.RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        Assert.NotNull(await h.Restore().VerifyAsync(first.BackupId, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Self Host")]
    [InlineData("../x")]
    public async Task Run_BadHostName_Throws(string host)
    {
        var h = new MaintenanceHarness();
        await Assert.ThrowsAsync<ArgumentException>(() => h.Backup().RunAsync(host, CancellationToken.None));
    }

    [Fact]
    public async Task Run_InvalidEncryptionKey_FailsWithNotConfiguredAndLeavesNothing()
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.EncryptionKey = Convert.ToBase64String(new byte[16]);

        var error = await Assert.ThrowsAsync<VoiceMemoryException>(() => h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None));

        Assert.Equal(ErrorCodes.NotConfigured, error.Code);
        Assert.Empty(await h.Storage.ListBackupsAsync(CancellationToken.None).ToListAsync());
        Assert.Empty(await h.Storage.ListPendingBackupsAsync(CancellationToken.None).ToListAsync());
    }

    private static async Task AssertSameDataAsync(MaintenanceHarness source, MaintenanceHarness target, bool withAudio)
    {
        var ct = CancellationToken.None;
        Assert.Equal(await source.Users.ExportAsync(ct).ToListAsync(), await target.Users.ExportAsync(ct).ToListAsync());
        Assert.Equal(await source.Turns.ExportAsync(ct).ToListAsync(), await target.Turns.ExportAsync(ct).ToListAsync());
        Assert.Equal(await source.Memory.ExportFactsAsync(ct).ToListAsync(), await target.Memory.ExportFactsAsync(ct).ToListAsync());
        Assert.Equal(await source.Memory.ExportJournalAsync(ct).ToListAsync(), await target.Memory.ExportJournalAsync(ct).ToListAsync());
        var facts = await target.Memory.ExportFactsAsync(ct).ToListAsync();
        Assert.Contains(facts, f => f.Text == "喜欢喝茶" && f.UserId == "u2");
        if (withAudio)
        {
            Assert.Equal(source.Audio.Keys.Order(StringComparer.Ordinal), target.Audio.Keys.Order(StringComparer.Ordinal));
            foreach (var key in source.Audio.Keys)
            {
                Assert.Equal(source.Audio.BytesOf(key), target.Audio.BytesOf(key));
            }
        }
    }

    private static string Gunzip(byte[] bytes)
    {
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
