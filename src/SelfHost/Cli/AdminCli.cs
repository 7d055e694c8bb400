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
    /// <summary>The usage text (<c>--help</c>; printed with every command-line error).</summary>
    public const string Usage = """
        usage: VoiceMemory.SelfHost [serve] [serve options]   run the server (also with no arguments at all)
               VoiceMemory.SelfHost users add <name> [--allow-duplicate]
                                                    create a user; prints the new API key alone on stdout
               VoiceMemory.SelfHost users list               every user: id, name, created, active or revoked
               VoiceMemory.SelfHost users revoke <id|name>   the user's key stops working at once; their data stays
               VoiceMemory.SelfHost users rotate <id|name>   a new key (printed alone on stdout); the old one stops working
               VoiceMemory.SelfHost backup                   take a backup now; prints its path as the last line
               VoiceMemory.SelfHost restore <path>           verify and restore a backup folder into an empty data root
               VoiceMemory.SelfHost health                   run the health probe; exit 1 when unhealthy
               VoiceMemory.SelfHost --help | --version

        serve options (the admin commands take the data-root and configuration ones too):
          --urls <url[;url]>          where to listen (default http://127.0.0.1:7071; or ASPNETCORE_URLS)
          --data-root <path>          database, audio, journal and backups (default ./.data; or VoiceMemory__DataRoot)
          --VoiceMemory:<Key>=<value> any setting of the README's Configuration table, e.g. --VoiceMemory:Runner:Workers=1
        environment: every setting also reads from VoiceMemory__Section__Key variables (e.g. VoiceMemory__Llm__Endpoint);
        secrets belong there, never on the command line.
        exit codes: 0 done, 1 failed or refused, 2 wrong command line or configuration, 3 storage or restore refused
        """;

    /// <summary>Runs the executable: the server, an admin command, help or version.</summary>
    public static async Task<int> MainAsync(string[] args)
    {
        var command = CommandLine.Parse(args);
        switch (command.Verb)
        {
            case "error":
                await Console.Error.WriteLineAsync($"error: {command.Error}");
                await Console.Error.WriteLineAsync(Usage);
                return 2;
            case "help":
                await Console.Out.WriteLineAsync(Usage);
                return 0;
            case "version":
                await Console.Out.WriteLineAsync($"VoiceMemory.SelfHost {Version}");
                return 0;
            case "serve":
                return await ServerApp.RunAsync([.. command.HostArguments]);
            default:
                return await RunAsync(command);
        }
    }

    /// <summary>The product version (the assembly's informational version).</summary>
    public static string Version =>
        typeof(AdminCli).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? typeof(AdminCli).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Runs one admin command (not <c>serve</c>) to completion.</summary>
    public static async Task<int> RunAsync(ParsedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var builder = Host.CreateApplicationBuilder([.. command.HostArguments]);
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

        try
        {
            await host.Services.MigrateVoiceMemoryDatabaseAsync(cancel.Token);
            var users = new UserCommands(host.Services);
            return (command.Verb, command.Positional) switch
            {
                ("users", ["add", var name]) => await users.AddAsync(name, command.Flags.Contains("--allow-duplicate"), cancel.Token),
                ("users", ["list"]) => await users.ListAsync(cancel.Token),
                ("users", ["revoke", var who]) => await users.RevokeAsync(who, cancel.Token),
                ("users", ["rotate", var who]) => await users.RotateAsync(who, cancel.Token),
                ("backup", []) => await BackupAsync(host.Services, cancel.Token),
                ("restore", [var path]) => await RestoreAsync(host.Services, path, cancel.Token),
                ("health", []) => await HealthAsync(host.Services, cancel.Token),
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
