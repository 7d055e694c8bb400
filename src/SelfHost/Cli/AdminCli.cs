using System.Text.Json;
using Microsoft.Extensions.Options;
using VoiceMemory.Api;
using VoiceMemory.Configuration;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Api;
using VoiceMemory.SelfHost.Hosting;
using VoiceMemory.SelfHost.Maintenance;
using VoiceMemory.SelfHost.Storage;
using VoiceMemory.Storage;

namespace VoiceMemory.SelfHost.Cli;

/// <summary>
/// The admin commands of the same executable. Results go to stdout (a new key alone; a backup's path as the
/// last line), logs to stderr, and the exit code says whether it worked.
/// </summary>
public static class AdminCli
{
    private const string Usage = """
        usage: VoiceMemory.SelfHost [serve options]      run the server (default http://127.0.0.1:7071)
               VoiceMemory.SelfHost users add <name>     create a user; prints the new API key alone on stdout
               VoiceMemory.SelfHost backup               take a backup now; prints its path as the last line
               VoiceMemory.SelfHost restore <path>       verify and restore a backup folder into an empty data root
               VoiceMemory.SelfHost health               run the health probe; exit 1 when unhealthy
        """;

    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "users", "backup", "restore", "health", "help", "--help" };

    public static bool IsCommand(string[] args) => args is { Length: > 0 } && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args[0] is "help" or "--help")
        {
            await Console.Out.WriteLineAsync(Usage);
            return 0;
        }

        var builder = Host.CreateApplicationBuilder(args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray());
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddVoiceMemorySelfHost(builder.Configuration);
        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        try
        {
            await host.Services.MigrateVoiceMemoryDatabaseAsync(cancel.Token);
            return positional switch
            {
                ["users", "add", var name] => await AddUserAsync(host.Services, name, cancel.Token),
                ["backup"] => await BackupAsync(host.Services, cancel.Token),
                ["restore", var path] => await RestoreAsync(host.Services, path, cancel.Token),
                ["health"] => await HealthAsync(host.Services, cancel.Token),
                _ => await UsageErrorAsync(),
            };
        }
        catch (VoiceMemoryException error)
        {
            await Console.Error.WriteLineAsync($"error: {error.Code}: {error.Message}");
            return 1;
        }
        catch (OptionsValidationException error)
        {
            await Console.Error.WriteLineAsync($"configuration error: {error.Message}");
            return 2;
        }
    }

    private static async Task<int> AddUserAsync(IServiceProvider services, string name, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            await Console.Error.WriteLineAsync("error: the name must be 1–100 characters.");
            return 2;
        }

        var key = ApiKeys.NewKey();
        var account = new UserAccount(ApiKeys.NewUserId(), name.Trim(), ApiKeys.Hash(key), services.GetRequiredService<TimeProvider>().GetUtcNow());
        await services.GetRequiredService<IUserStore>().AddAsync(account, cancellationToken);
        await Console.Error.WriteLineAsync($"created user {account.UserId} ({account.Name}); the key below is shown only once");
        await Console.Out.WriteLineAsync(key);
        return 0;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<BackupService>().RunAsync(BackupHosts.SelfHost, cancellationToken);
        await Console.Error.WriteLineAsync($"backup {result.BackupId}: {result.Files.Count} file(s) in {result.Elapsed.TotalSeconds:F1} s");
        var root = ((FolderBackupStorage)services.GetRequiredService<IBackupStorage>()).Root;
        await Console.Out.WriteLineAsync(Path.Combine(root, result.BackupId));
        return 0;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(path.TrimEnd('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(folder))
        {
            await Console.Error.WriteLineAsync($"error: no backup folder at {folder}");
            return 2;
        }

        var source = FolderBackupStorage.OpenBackupFolder(folder);
        try
        {
            var result = await services.GetRequiredService<RestoreService>().RestoreAsync(source.Storage, source.BackupId, cancellationToken);
            await Console.Error.WriteLineAsync("restore complete");
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, ApiJson.Options));
            return 0;
        }
        catch (BackupRejectedException rejected)
        {
            await Console.Error.WriteLineAsync($"restore refused: {rejected.Message}");
            return 3;
        }
    }

    private static async Task<int> HealthAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var report = await services.GetRequiredService<HealthProbe>().RunAsync(cancellationToken);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new HealthBody(report.Status, report.CheckedAt, report.Checks), ApiJson.Options));
        return report.Status == HealthState.Unhealthy ? 1 : 0;
    }

    private static async Task<int> UsageErrorAsync()
    {
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
