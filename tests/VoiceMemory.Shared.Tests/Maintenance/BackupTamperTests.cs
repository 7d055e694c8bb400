using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using VoiceMemory.Maintenance;
using VoiceMemory.Tests.Doubles;

namespace VoiceMemory.Tests.Maintenance;

/// <summary>Every kind of damage is refused before anything is written.</summary>
[Collection(MaintenanceTelemetryCollection.Name)]
public sealed class BackupTamperTests
{
    public static TheoryData<bool, string> DataFiles()
    {
        var data = new TheoryData<bool, string>();
        foreach (var encrypted in new[] { false, true })
        {
            foreach (var name in new[] { "users.ndjson.gz", "turns.ndjson.gz", "facts.ndjson.gz", "journal.ndjson.gz", "audio/input/u1/t1.wav", "audio/reply/u2/t2.mp3" })
            {
                data.Add(encrypted, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task Restore_FlippedByte_RefusedAndNothingWritten(bool encrypted, string name)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        var bytes = h.Storage.Files(id)[name];
        bytes[bytes.Length / 2] ^= 0x01;

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task Restore_TruncatedFile_RefusedAndNothingWritten(bool encrypted, string name)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        var files = h.Storage.Files(id);
        files[name] = files[name][..^1];

        await AssertRefusedAsync(h, id);
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public async Task Restore_MissingFile_RefusedAndNothingWritten(bool encrypted, string name)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        h.Storage.Files(id).TryRemove(name, out _);

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_MissingManifest_Refused(bool encrypted)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        h.Storage.Files(id).TryRemove(BackupFileNames.Manifest, out _);

        await AssertRefusedAsync(h, id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_ManifestNotJson_Refused(bool encrypted)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        h.Storage.Files(id)[BackupFileNames.Manifest] = "{ not json"u8.ToArray();

        await AssertRefusedAsync(h, id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restore_UnknownFormatVersion_Refused(bool encrypted)
    {
        var (h, id) = await BackedUpAsync(encrypted);
        EditManifest(h, id, m => m["formatVersion"] = 2);

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_UnencryptedManifestCountEdited_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: false);
        EditManifest(h, id, m => Entry(m, "turns.ndjson.gz")["count"] = 3);

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains("records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_UnencryptedManifestChecksumEdited_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: false);
        EditManifest(h, id, m => Entry(m, "facts.ndjson.gz")["sha256"] = new string('0', 64));

        await AssertRefusedAsync(h, id);
    }

    [Fact]
    public async Task Restore_UnencryptedManifestListsTraversingName_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: false);
        EditManifest(h, id, m => m["files"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "audio/input/../../etc/passwd",
            ["sha256"] = new string('0', 64),
            ["bytes"] = 0,
            ["count"] = 1,
        }));

        await AssertRefusedAsync(h, id);
    }

    [Fact]
    public async Task Restore_EncryptedManifestEditedInAnyWay_RefusedBySignature()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);
        EditManifest(h, id, m => m["host"] = "azure");

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains("signature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_EncryptedFileReplacedAndManifestChecksumUpdated_RefusedBySignature()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);
        var files = h.Storage.Files(id);
        var replaced = files["audio/input/u1/t1.wav"];
        replaced[^1] ^= 0x80;
        EditManifest(h, id, m => Entry(m, "audio/input/u1/t1.wav")["sha256"] = Convert.ToHexStringLower(SHA256.HashData(replaced)));

        await AssertRefusedAsync(h, id);
    }

    [Fact]
    public async Task Restore_EncryptedMarkedUnencrypted_RefusedWhileAKeyIsConfigured()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);
        EditManifest(h, id, m => m["encrypted"] = false);

        var error = await AssertRefusedAsync(h, id);

        Assert.Contains("not encrypted", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Restore_SignatureMissingOrWrong_Refused(bool remove)
    {
        var (h, id) = await BackedUpAsync(encrypted: true);
        var files = h.Storage.Files(id);
        if (remove)
        {
            files.TryRemove(BackupFileNames.Signature, out _);
        }
        else
        {
            files[BackupFileNames.Signature] = Encoding.ASCII.GetBytes(new string('a', 64));
        }

        await AssertRefusedAsync(h, id);
    }

    [Fact]
    public async Task Restore_WrongKey_RefusedAsDifferentKey()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);

        var error = await AssertRefusedAsync(h, id, MaintenanceHarness.NewKey());

        Assert.Contains("different key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_EncryptedWithNoKeyConfigured_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);

        var error = await AssertRefusedAsync(h, id, key: string.Empty);

        Assert.Contains("no VoiceMemory:Backup:EncryptionKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_UnencryptedWhileAKeyIsConfigured_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: false);

        await AssertRefusedAsync(h, id, MaintenanceHarness.NewKey());
    }

    [Fact]
    public async Task Restore_EncryptedFilesSwappedBetweenNames_Refused()
    {
        var (h, id) = await BackedUpAsync(encrypted: true);
        var files = h.Storage.Files(id);
        (files["facts.ndjson.gz"], files["journal.ndjson.gz"]) = (files["journal.ndjson.gz"], files["facts.ndjson.gz"]);

        await AssertRefusedAsync(h, id);
    }

    [Fact]
    public async Task Restore_UnknownBackupId_Refused()
    {
        var h = new MaintenanceHarness();

        await AssertRefusedAsync(h, "20200101T000000Z");
    }

    [Fact]
    public async Task Restore_IdWithPathCharacters_RejectedAsArgument()
    {
        var h = new MaintenanceHarness();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Restore().RestoreAsync("../20200101T000000Z", CancellationToken.None));
    }

    private static async Task<(MaintenanceHarness Harness, string BackupId)> BackedUpAsync(bool encrypted)
    {
        var h = new MaintenanceHarness();
        h.BackupOptions.IncludeAudio = true;
        h.BackupOptions.EncryptionKey = encrypted ? MaintenanceHarness.NewKey() : null;
        await h.SeedAsync();
        var backup = await h.Backup().RunAsync(BackupHosts.SelfHost, CancellationToken.None);
        return (h, backup.BackupId);
    }

    /// <param name="key">null: the key the backup was taken with; empty: no key.</param>
    private static async Task<BackupRejectedException> AssertRefusedAsync(MaintenanceHarness source, string id, string? key = null)
    {
        var target = source.EmptyTwin();
        if (key is not null)
        {
            target.BackupOptions.EncryptionKey = key.Length == 0 ? null : key;
        }

        var verifyError = await Assert.ThrowsAsync<BackupRejectedException>(() => target.Restore().VerifyAsync(id, CancellationToken.None));
        var error = await Assert.ThrowsAsync<BackupRejectedException>(() => target.Restore().RestoreAsync(id, CancellationToken.None));

        Assert.Equal(ErrorCodes.BackupRejected, error.Code);
        Assert.Equal(verifyError.Message, error.Message);
        Assert.Equal(0, target.StoreWrites);
        Assert.Empty(target.Audio.Keys);
        return error;
    }

    private static void EditManifest(MaintenanceHarness h, string id, Action<JsonObject> edit)
    {
        var files = h.Storage.Files(id);
        var manifest = JsonNode.Parse(files[BackupFileNames.Manifest])!.AsObject();
        edit(manifest);
        files[BackupFileNames.Manifest] = Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    private static JsonObject Entry(JsonObject manifest, string name) =>
        manifest["files"]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e["name"] == name);
}
