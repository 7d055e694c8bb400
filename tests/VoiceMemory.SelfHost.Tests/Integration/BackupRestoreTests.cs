using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using VoiceMemory.Api;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>backup → wipe → restore through the real admin CLI gives back identical data; a tampered backup is refused.</summary>
public sealed class BackupRestoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BackupWipeRestore_GivesBackIdenticalData_AndTamperingIsRefused(bool encrypted)
    {
        var environment = new Dictionary<string, string>();
        if (encrypted)
        {
            environment["VoiceMemory__Backup__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }

        string key;
        string before;
        string sourceRoot;
        await using (var source = new VoiceMemoryAppFactory())
        {
            sourceRoot = source.DataRoot;
            var (client, _) = await source.CreateUserAsync("bea");
            key = client.DefaultRequestHeaders.Authorization!.Parameter!;
            await client.WaitAsync(await client.SubmitAudioAsync(await Speech.SynthesizeWavAsync("My name is Bea and I live in York.")));
            await client.WaitAsync(await client.SubmitTextAsync("I am allergic to cats.", locale: "en-GB"));
            before = await SnapshotAsync(client);
        }

        var backup = await ServerProcess.RunCliAsync(sourceRoot, environment, "backup");
        Assert.True(backup.ExitCode == 0, backup.StandardError);
        var backupPath = backup.StandardOutput.Trim().Split('\n').Last().Trim();
        Assert.True(Directory.Exists(backupPath), backupPath);
        Assert.True(File.Exists(Path.Combine(backupPath, "manifest.json")));

        var emptyRoot = Directory.CreateTempSubdirectory("vm-restore-").FullName;
        var restore = await ServerProcess.RunCliAsync(emptyRoot, environment, "restore", backupPath);
        Assert.True(restore.ExitCode == 0, restore.StandardError);

        await using (var restored = new VoiceMemoryAppFactory(dataRoot: emptyRoot))
        {
            using var client = restored.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(before, await SnapshotAsync(client));
        }

        var again = await ServerProcess.RunCliAsync(emptyRoot, environment, "restore", backupPath);
        Assert.NotEqual(0, again.ExitCode);

        var tampered = Path.Combine(Path.GetDirectoryName(backupPath)!, "20200101T000000Z");
        CopyDirectory(backupPath, tampered);
        var victim = Directory.GetFiles(tampered, "turns*", SearchOption.AllDirectories).First();
        var bytes = await File.ReadAllBytesAsync(victim);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(victim, bytes);
        var untouchedRoot = Directory.CreateTempSubdirectory("vm-tampered-").FullName;

        var refused = await ServerProcess.RunCliAsync(untouchedRoot, environment, "restore", tampered);

        Assert.Equal(3, refused.ExitCode);
        await using (var empty = new VoiceMemoryAppFactory(dataRoot: untouchedRoot))
        {
            using var client = empty.CreateClient();
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync(TurnRoutes.Turns)).StatusCode);
        }
    }

    private static async Task<string> SnapshotAsync(HttpClient client)
    {
        var export = await client.GetFromJsonAsync<ExportBody>(TurnRoutes.Export, ApiJson.Options);
        return JsonSerializer.Serialize(export! with { ExportedAt = default }, ApiJson.Options);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
