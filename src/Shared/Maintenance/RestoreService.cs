using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Turns;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Verifies and restores backups written by <see cref="BackupService"/> in either host. Before anything is written
/// the whole backup is checked — manifest format and signature, then every file's size, SHA-256, decryption and
/// record count — and the stores must be empty; a backup that fails any check is refused with
/// <see cref="BackupRejectedException"/>. The key comes from <see cref="BackupOptions.EncryptionKey"/>.
/// </summary>
public sealed partial class RestoreService(
    ITurnStore turns,
    IMemoryStore memory,
    IAudioStore audio,
    IBackupStorage storage,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<RestoreService> logger,
    IUserStore? users = null)
{
    /// <summary>Checks a backup in the configured backup storage without restoring it.</summary>
    /// <exception cref="BackupRejectedException">The backup is damaged, tampered, incomplete or needs another key.</exception>
    public Task<BackupManifest> VerifyAsync(string backupId, CancellationToken cancellationToken) =>
        VerifyAsync(storage, backupId, cancellationToken);

    /// <summary>Checks a backup held in <paramref name="source"/> (e.g. a folder given on the command line).</summary>
    /// <exception cref="BackupRejectedException">The backup is damaged, tampered, incomplete or needs another key.</exception>
    public async Task<BackupManifest> VerifyAsync(IBackupStorage source, string backupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var key = BackupKey.FromConfiguration(options.Value.EncryptionKey);
        var manifest = await VerifyCoreAsync(new BackupReader(source, CheckedId(backupId), key), cancellationToken);
        LogVerified(logger, backupId, manifest.Files.Count);
        return manifest;
    }

    /// <summary>Restores a backup from the configured backup storage into empty stores.</summary>
    /// <exception cref="BackupRejectedException">The backup failed verification; nothing was written.</exception>
    /// <exception cref="VoiceMemoryException">The stores already hold data (<see cref="ErrorCodes.RestoreTargetNotEmpty"/>); nothing was written.</exception>
    public Task<RestoreResult> RestoreAsync(string backupId, CancellationToken cancellationToken) =>
        RestoreAsync(storage, backupId, cancellationToken);

    /// <summary>Restores a backup held in <paramref name="source"/> (e.g. a folder given on the command line) into empty stores.</summary>
    /// <exception cref="BackupRejectedException">The backup failed verification; nothing was written.</exception>
    /// <exception cref="VoiceMemoryException">The stores already hold data (<see cref="ErrorCodes.RestoreTargetNotEmpty"/>); nothing was written.</exception>
    public async Task<RestoreResult> RestoreAsync(IBackupStorage source, string backupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var started = time.GetTimestamp();
        using var key = BackupKey.FromConfiguration(options.Value.EncryptionKey);
        var reader = new BackupReader(source, CheckedId(backupId), key);
        LogRestoring(logger, backupId);
        var manifest = await VerifyCoreAsync(reader, cancellationToken);
        await EnsureEmptyAsync(cancellationToken);

        try
        {
            var entries = manifest.Files.ToDictionary(f => f.Name, StringComparer.Ordinal);
            var encrypted = manifest.Encrypted;
            var userCount = 0L;
            if (users is not null)
            {
                userCount = await reader.ReadRecordsAsync<UserAccount>(entries[BackupFileNames.Users], encrypted, u => users.ImportAsync(u, cancellationToken), cancellationToken);
            }
            else if (entries[BackupFileNames.Users].Count > 0)
            {
                LogUsersSkipped(logger, backupId, entries[BackupFileNames.Users].Count);
            }

            var turnCount = await reader.ReadRecordsAsync<TurnRecord>(entries[BackupFileNames.Turns], encrypted, t => turns.SaveAsync(t, cancellationToken), cancellationToken);
            var factCount = await reader.ReadRecordsAsync<MemoryFact>(entries[BackupFileNames.Facts], encrypted, f => memory.ImportFactAsync(f, cancellationToken), cancellationToken);
            var dayCount = await reader.ReadRecordsAsync<JournalDay>(entries[BackupFileNames.Journal], encrypted, d => memory.ImportJournalDayAsync(d, cancellationToken), cancellationToken);
            var audioCount = 0;
            foreach (var entry in manifest.Files)
            {
                if (BackupPaths.AudioKeyOf(entry.Name) is { } audioKey)
                {
                    var contentType = await ContentTypeOfAsync(audioKey, cancellationToken);
                    await reader.ReadFileAsync(entry, encrypted, plain => audio.SaveAsync(audioKey, plain, contentType, cancellationToken), cancellationToken);
                    audioCount++;
                }
            }

            var result = new RestoreResult(backupId, (int)userCount, (int)turnCount, (int)factCount, (int)dayCount, audioCount, time.GetElapsedTime(started));
            LogRestored(logger, backupId, result.Users, result.Turns, result.Facts, result.JournalDays, result.AudioItems, (long)result.Elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception exception)
        {
            // Verification passed, so this is a storage failure or the backup changed underneath us.
            LogRestoreIncomplete(logger, exception, backupId);
            throw;
        }
    }

    private static async Task<BackupManifest> VerifyCoreAsync(BackupReader reader, CancellationToken cancellationToken)
    {
        var manifest = await reader.ReadManifestAsync(cancellationToken);
        foreach (var entry in manifest.Files)
        {
            switch (entry.Name)
            {
                case BackupFileNames.Users:
                    await reader.ReadRecordsAsync<UserAccount>(entry, manifest.Encrypted, _ => Task.CompletedTask, cancellationToken);
                    break;
                case BackupFileNames.Turns:
                    await reader.ReadRecordsAsync<TurnRecord>(entry, manifest.Encrypted, _ => Task.CompletedTask, cancellationToken);
                    break;
                case BackupFileNames.Facts:
                    await reader.ReadRecordsAsync<MemoryFact>(entry, manifest.Encrypted, _ => Task.CompletedTask, cancellationToken);
                    break;
                case BackupFileNames.Journal:
                    await reader.ReadRecordsAsync<JournalDay>(entry, manifest.Encrypted, _ => Task.CompletedTask, cancellationToken);
                    break;
                default:
                    await reader.ReadFileAsync(entry, manifest.Encrypted, plain => plain.CopyToAsync(Stream.Null, cancellationToken), cancellationToken);
                    break;
            }
        }

        return manifest;
    }

    private async Task EnsureEmptyAsync(CancellationToken cancellationToken)
    {
        var occupied = new List<string>();
        if (users is not null && await users.ExportAsync(cancellationToken).AnyAsync(cancellationToken))
        {
            occupied.Add("users");
        }

        if (await turns.ExportAsync(cancellationToken).AnyAsync(cancellationToken))
        {
            occupied.Add("turns");
        }

        if (await memory.ExportFactsAsync(cancellationToken).AnyAsync(cancellationToken))
        {
            occupied.Add("facts");
        }

        if (await memory.ExportJournalAsync(cancellationToken).AnyAsync(cancellationToken))
        {
            occupied.Add("journal");
        }

        if (occupied.Count > 0)
        {
            throw new VoiceMemoryException(
                ErrorCodes.RestoreTargetNotEmpty,
                $"Refusing to restore: the stores already hold {string.Join(", ", occupied)}. Restore into an empty data root or database.");
        }
    }

    /// <summary>The media type recorded on the restored turn that owns the audio, else one guessed from the extension.</summary>
    private async Task<string> ContentTypeOfAsync(string audioKey, CancellationToken cancellationToken)
    {
        var parts = audioKey.Split('/');
        if (parts.Length == 3)
        {
            var turn = await turns.GetAsync(parts[1], Path.GetFileNameWithoutExtension(parts[2]), cancellationToken);
            foreach (var reference in (AudioRef?[])[turn?.InputAudio, turn?.ReplyAudio])
            {
                if (reference is not null && reference.Key == audioKey)
                {
                    return reference.ContentType;
                }
            }
        }

        return Path.GetExtension(audioKey).ToUpperInvariant() switch
        {
            ".WAV" => "audio/wav",
            ".MP3" => "audio/mpeg",
            ".OGG" or ".OGA" or ".OPUS" => "audio/ogg",
            ".WEBM" => "audio/webm",
            ".M4A" or ".MP4" => "audio/mp4",
            ".FLAC" => "audio/flac",
            _ => "application/octet-stream",
        };
    }

    private static string CheckedId(string backupId) =>
        BackupIds.IsValid(backupId) ? backupId : throw new ArgumentException("Not a valid backup id.", nameof(backupId));

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Backup {BackupId} verified: {FileCount} files")]
    private static partial void LogVerified(ILogger logger, string backupId, int fileCount);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Restoring backup {BackupId}")]
    private static partial void LogRestoring(ILogger logger, string backupId);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Restored backup {BackupId}: {Users} users, {Turns} turns, {Facts} facts, {JournalDays} journal days, {AudioItems} audio items in {ElapsedMs} ms")]
    private static partial void LogRestored(ILogger logger, string backupId, int users, int turns, int facts, int journalDays, int audioItems, long elapsedMs);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Error, Message = "Restore of backup {BackupId} stopped part-way; the stores hold a partial restore")]
    private static partial void LogRestoreIncomplete(ILogger logger, Exception exception, string backupId);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Warning, Message = "Backup {BackupId}: {Count} users not restored: this host keeps no user store")]
    private static partial void LogUsersSkipped(ILogger logger, string backupId, long count);
}
