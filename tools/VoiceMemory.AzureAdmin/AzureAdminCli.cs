using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Functions.Storage;
using VoiceMemory.Http;
using VoiceMemory.Maintenance;
using VoiceMemory.SelfHost.Maintenance;

namespace VoiceMemory.AzureAdmin;

/// <summary>
/// <code>
/// VoiceMemory.AzureAdmin restore &lt;backup folder&gt; | --backup &lt;id&gt;
///     (--blob-service-uri URI --table-service-uri URI [--managed-identity-client-id ID]) | --connection-string CS
///     [--layout-prefix P]
/// </code>
/// Verifies the whole backup (checksums, signature, counts) before writing anything and refuses a damaged or tampered
/// one, or a target that already holds data, exactly as the self-host's <c>restore</c> does (the same
/// <see cref="RestoreService"/>). Credentials: the operator's own Entra sign-in (Azure CLI, Visual Studio, environment —
/// DefaultAzureCredential), or a user-assigned managed identity; the connection string is for Azurite. The encryption key
/// of an encrypted backup comes from <c>VoiceMemory__Backup__EncryptionKey</c> in the environment, never the command line.
/// Exit codes: 0 restored, 1 usage or failure, 2 backup refused, 3 target not empty.
/// </summary>
public static class AzureAdminCli
{
    public const int Restored = 0;
    public const int Failed = 1;
    public const int Refused = 2;
    public const int NotEmpty = 3;

    private const string Usage = """
        usage: VoiceMemory.AzureAdmin restore <backup folder> | --backup <id>
                   (--blob-service-uri <uri> --table-service-uri <uri> [--managed-identity-client-id <id>])
                 | --connection-string <connection string>
                   [--layout-prefix <prefix>]
          Restores a VoiceMemory backup (from either host) into empty Azure Blob and Table storage.
          <backup folder>: a backup folder copied from a self-host or downloaded from the backups container;
          --backup <id>: a backup in the target account's own backups container.
          Signs in with your Entra credentials (az login) unless a connection string (Azurite) is given.
          An encrypted backup needs VoiceMemory__Backup__EncryptionKey in the environment.
          --layout-prefix restores into prefixed containers and tables (<prefix>-audio, <prefix>turns…), e.g. a staging copy.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        string? problem = null;
        var command = new RestoreCommand();
        if (args.Length == 0 || args[0] != "restore" || !TryParse(args.AsSpan(1), out command, out problem))
        {
            await error.WriteLineAsync(problem ?? Usage);
            return Failed;
        }

        var storage = new AzureStorageOptions
        {
            BlobServiceUri = command.BlobServiceUri,
            TableServiceUri = command.TableServiceUri,
            ConnectionString = command.ConnectionString,
        };
        var validation = new AzureStorageOptionsValidator().Validate(null, storage);
        if (validation.Failed)
        {
            await error.WriteLineAsync(validation.FailureMessage.Replace("VoiceMemory__Storage__", "--", StringComparison.Ordinal));
            return Failed;
        }

        var identity = new IdentityOptions { ManagedIdentityClientId = command.ManagedIdentityClientId };
        TokenCredential Credential() => AzureCredentialFactory.Create(identity, environment);
        var blobs = AzureStorageClients.CreateBlobServiceClient(storage, Credential);
        var tables = AzureStorageClients.CreateTableServiceClient(storage, Credential);
        var layout = command.LayoutPrefix is { } prefix ? AzureStorageLayout.WithPrefix(prefix) : AzureStorageLayout.Default;
        var backups = new BlobBackupStorage(blobs, layout.BackupsContainer);
        var backupOptions = Options.Create(new BackupOptions { EncryptionKey = environment("VoiceMemory__Backup__EncryptionKey") });

        try
        {
            IBackupStorage source = backups;
            var backupId = command.BackupId;
            if (command.Folder is { } folder)
            {
                var reference = FolderBackupStorage.OpenBackupFolder(folder);
                (source, backupId) = (reference.Storage, reference.BackupId);
            }

            await new AzureStorageInitializer(blobs, tables, layout).EnsureCreatedAsync(cancellationToken);
            var restore = new RestoreService(
                new TableTurnStore(tables, layout.TurnsTable),
                new TableMemoryStore(tables, layout.FactsTable, blobs, layout.JournalContainer),
                new BlobAudioStore(blobs, layout.AudioContainer, TimeProvider.System),
                backups,
                backupOptions,
                TimeProvider.System,
                NullLogger<RestoreService>.Instance);
            var result = await restore.RestoreAsync(source, backupId!, cancellationToken);
            await output.WriteLineAsync(
                $"restored backup {result.BackupId}: {result.Turns} turns, {result.Facts} facts, {result.JournalDays} journal days, {result.AudioItems} audio items " +
                $"({result.Users} self-host accounts are not used by the Azure host) in {result.Elapsed.TotalSeconds:F1} s");
            return Restored;
        }
        catch (BackupRejectedException ex)
        {
            await error.WriteLineAsync($"refused: {ex.Message} Nothing was written.");
            return Refused;
        }
        catch (VoiceMemoryException ex) when (ex.Code == ErrorCodes.RestoreTargetNotEmpty)
        {
            await error.WriteLineAsync($"refused: {ex.Message} Restore only into empty storage.");
            return NotEmpty;
        }
        catch (Exception ex) when (ex is ArgumentException or DirectoryNotFoundException or VoiceMemoryException or Azure.Identity.AuthenticationFailedException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"failed: {ex.Message}");
            return Failed;
        }
    }

    private static bool TryParse(ReadOnlySpan<string> args, out RestoreCommand command, out string? problem)
    {
        command = new RestoreCommand();
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (command.Folder is not null)
                {
                    problem = "give one backup folder.";
                    return false;
                }

                command = command with { Folder = arg };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{arg} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--backup":
                    command = command with { BackupId = value };
                    break;
                case "--blob-service-uri" or "--table-service-uri":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
                    {
                        problem = $"{arg} is not an absolute URI.";
                        return false;
                    }

                    command = arg == "--blob-service-uri" ? command with { BlobServiceUri = uri } : command with { TableServiceUri = uri };
                    break;
                case "--connection-string":
                    command = command with { ConnectionString = value };
                    break;
                case "--layout-prefix":
                    if (!AzureStorageLayout.IsValidPrefix(value))
                    {
                        problem = "--layout-prefix is 1-20 lowercase letters and digits, starting with a letter.";
                        return false;
                    }

                    command = command with { LayoutPrefix = value };
                    break;
                case "--managed-identity-client-id":
                    command = command with { ManagedIdentityClientId = value };
                    break;
                default:
                    problem = $"unknown option {arg}.\n{Usage}";
                    return false;
            }
        }

        if ((command.Folder is null) == (command.BackupId is null))
        {
            problem = $"give either a backup folder or --backup <id>.\n{Usage}";
            return false;
        }

        return true;
    }

    private sealed record RestoreCommand(
        string? Folder = null,
        string? BackupId = null,
        Uri? BlobServiceUri = null,
        Uri? TableServiceUri = null,
        string? ConnectionString = null,
        string? ManagedIdentityClientId = null,
        string? LayoutPrefix = null);
}
