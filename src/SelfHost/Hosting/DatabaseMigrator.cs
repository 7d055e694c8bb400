using VoiceMemory.SelfHost.Storage;

namespace VoiceMemory.SelfHost.Hosting;

/// <summary>Brings the database schema up to date before the runner and the API use it.</summary>
public sealed class DatabaseMigrator(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => services.MigrateVoiceMemoryDatabaseAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
