using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.Testing.Contracts;

namespace VoiceMemory.SelfHost.Tests.Maintenance;

/// <summary>The backup storage contract on folders (the same cases the blob container passes in Functions.Tests).</summary>
public sealed class FolderBackupStorageContractTests : BackupStorageContract, IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    protected override Task<IBackupStorage> CreateStorageAsync() =>
        Task.FromResult<IBackupStorage>(new FolderBackupStorage(temp.Combine("backups-" + Guid.NewGuid().ToString("N")[..8])));
}
