using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.Maintenance;
using VoiceMemory.Memory;
using VoiceMemory.SelfHost.Configuration;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Storage;

public sealed class SelfHostStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AddSelfHostStorage_ThenMigrate_ResolvesWorkingStoresUnderDataRoot()
    {
        var services = new ServiceCollection();
        services.Configure<SelfHostOptions>(o => o.DataRoot = folder.Combine("root"));
        services.AddSelfHostStorage();
        services.AddSelfHostStorage();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await provider.MigrateVoiceMemoryDatabaseAsync(CancellationToken.None);

        Assert.Equal(folder.Combine("root", "voicememory.db"), provider.GetRequiredService<SqliteDatabase>().DatabasePath);
        Assert.Same(provider.GetRequiredService<ITurnStore>(), provider.GetRequiredService<ITurnStore>());
        Assert.IsType<SqliteTurnStore>(provider.GetRequiredService<ITurnStore>());
        Assert.IsType<SqliteUserStore>(provider.GetRequiredService<IUserStore>());
        Assert.NotNull(provider.GetRequiredService<SqliteJobStore>());
        Assert.Equal("database", Assert.Single(provider.GetServices<IDependencyCheck>()).Name);

        var memory = provider.GetRequiredService<IMemoryStore>();
        await memory.UpsertFactsAsync("u1", "t1", [new("I like tea", FactKind.Preference, null)], DateTimeOffset.UtcNow, CancellationToken.None);
        await memory.AppendJournalAsync("u1", new DateOnly(2025, 3, 1), "t1", "tea", CancellationToken.None);
        await provider.GetRequiredService<IAudioStore>().SaveAsync("input/u1/t1.wav", new MemoryStream([1, 2, 3]), "audio/wav", CancellationToken.None);

        Assert.Single(await memory.SearchFactsAsync("u1", "tea", 5, CancellationToken.None));
        Assert.True(File.Exists(folder.Combine("root", "journal", "u1", "2025-03-01.md")));
        Assert.True(File.Exists(folder.Combine("root", "audio", "input", "u1", "t1.wav")));
    }
}
