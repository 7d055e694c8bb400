using Microsoft.Extensions.Hosting;

namespace VoiceMemory.Functions.Storage;

/// <summary>Makes sure the containers and tables exist before the host takes work.</summary>
internal sealed class AzureStorageStartup(AzureStorageInitializer initializer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => initializer.EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
