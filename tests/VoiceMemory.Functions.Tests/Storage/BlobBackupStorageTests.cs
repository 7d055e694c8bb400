using VoiceMemory.Functions.Storage;
using VoiceMemory.Maintenance;
using VoiceMemory.Testing.Contracts;

namespace VoiceMemory.Functions.Tests.Storage;

/// <summary>The backup storage contract on a blob container (Azurite).</summary>
public sealed class BlobBackupStorageTests : BackupStorageContract
{
    protected override async Task<IBackupStorage> CreateStorageAsync()
    {
        var blobs = Azurite.Blobs();
        return new BlobBackupStorage(blobs, (await Azurite.NewLayoutAsync(blobs)).BackupsContainer);
    }
}
