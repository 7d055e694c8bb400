using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Tests.Integration;

/// <summary>
/// The real self-host server in-process (real SQLite, real files, real engines) on a fresh data root.
/// Settings may be overridden per test; schedules that would add noise (backups) are off unless asked for.
/// </summary>
public sealed class VoiceMemoryAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? replaceServices;

    /// <param name="replaceServices">Registers test stand-ins after the app's own services (e.g. a failing store).</param>
    public VoiceMemoryAppFactory(IDictionary<string, string?>? overrides = null, string? dataRoot = null, Action<IServiceCollection>? replaceServices = null)
    {
        this.replaceServices = replaceServices;
        DataRoot = dataRoot ?? Directory.CreateTempSubdirectory("vm-test-").FullName;
        settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["VoiceMemory:DataRoot"] = DataRoot,
            ["VoiceMemory:Backup:Enabled"] = "false",
            ["VoiceMemory:Limits:RequestsPerMinute"] = "10000",
            ["VoiceMemory:Runner:Lease"] = "00:00:05",
            ["VoiceMemory:Runner:RetryBaseDelay"] = "00:00:00.100",
            ["VoiceMemory:Runner:PollInterval"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
    }

    public string DataRoot { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings));
        if (replaceServices is not null)
        {
            builder.ConfigureTestServices(replaceServices);
        }
    }

    /// <summary>Creates a user the way the CLI does and returns a client that sends its key.</summary>
    public async Task<(HttpClient Client, string UserId)> CreateUserAsync(string name = "tester")
    {
        var key = ApiKeys.NewKey();
        var userId = ApiKeys.NewUserId();
        var users = Services.GetRequiredService<IUserStore>();
        await users.AddAsync(new UserAccount(userId, name, ApiKeys.Hash(key), DateTimeOffset.UtcNow), CancellationToken.None);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return (client, userId);
    }
}
