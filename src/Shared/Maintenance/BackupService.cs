using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceMemory.Configuration;
using VoiceMemory.Memory;
using VoiceMemory.Storage;
using VoiceMemory.Telemetry;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Takes a backup (same format in both hosts, see docs/backup-format.md): users, turns, facts and journal as gzip
/// NDJSON, audio when <see cref="BackupOptions.IncludeAudio"/>, a manifest with the SHA-256 of every file, all
/// AES-256-GCM encrypted and the manifest HMAC-signed when <see cref="BackupOptions.EncryptionKey"/> is set. Records
/// stream through; nothing is held whole in memory. The backup becomes visible only once complete; afterwards backups
/// older than <see cref="BackupOptions.KeepDays"/> are pruned (the newest is always kept).
/// </summary>
public sealed partial class BackupService(
    ITurnStore turns,
    IMemoryStore memory,
    IAudioStore audio,
    IBackupStorage storage,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<BackupService> logger,
    IUserStore? users = null)
{
    private int running;

    /// <summary>Takes a backup now, tagging it with <paramref name="host"/> (<see cref="BackupHosts"/>).</summary>
    /// <exception cref="InvalidOperationException">Another backup is running in this process, or the id is taken.</exception>
    /// <exception cref="VoiceMemoryException">The encryption key is not base64 of 32 bytes (<see cref="ErrorCodes.NotConfigured"/>).</exception>
    public async Task<BackupResult> RunAsync(string host, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(host) || host.Length > 32 || !host.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException("The host must be a short lowercase name such as 'selfhost' or 'azure'.", nameof(host));
        }

        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException("A backup is already running.");
        }

        try
        {
            return await RunExclusiveAsync(host, options.Value, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    private async Task<BackupResult> RunExclusiveAsync(string host, BackupOptions settings, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var createdAt = time.GetUtcNow();
        var id = BackupIds.For(createdAt);
        var pendingWritten = false;
        List<BackupFileEntry> files;
        LogStarting(logger, id);
        try
        {
            using var key = BackupKey.FromConfiguration(settings.EncryptionKey);
            if (await storage.ListBackupsAsync(cancellationToken).AnyAsync(existing => existing == id, cancellationToken))
            {
                throw new InvalidOperationException($"A backup with id {id} already exists.");
            }

            pendingWritten = true;
            files = await WriteDataAsync(id, key, settings.IncludeAudio, cancellationToken);
            await WriteManifestAsync(id, host, createdAt, key, files, cancellationToken);
            await storage.CommitAsync(id, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, id);
            await DiscardAsync(id, pendingWritten);
            throw;
        }
        catch (Exception exception)
        {
            VoiceMemoryTelemetry.BackupRuns.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
            LogFailed(logger, exception, id);
            await DiscardAsync(id, pendingWritten);
            throw;
        }

        var elapsed = time.GetElapsedTime(started);
        VoiceMemoryTelemetry.BackupRuns.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
        VoiceMemoryTelemetry.RecordBackupSuccess(createdAt);
        LogCompleted(logger, id, files.Count, files.Sum(f => f.Bytes), (long)elapsed.TotalMilliseconds);
        await PruneAsync(settings.KeepDays, cancellationToken);
        return new BackupResult(id, files, elapsed);
    }

    private async Task<List<BackupFileEntry>> WriteDataAsync(string id, BackupKey? key, bool includeAudio, CancellationToken cancellationToken)
    {
        var files = new List<BackupFileEntry>
        {
            await StoreRecordsAsync(id, BackupFileNames.Users, users?.ExportAsync(cancellationToken) ?? AsyncEnumerable.Empty<UserAccount>(), key, cancellationToken),
            await StoreRecordsAsync(id, BackupFileNames.Turns, turns.ExportAsync(cancellationToken), key, cancellationToken),
            await StoreRecordsAsync(id, BackupFileNames.Facts, memory.ExportFactsAsync(cancellationToken), key, cancellationToken),
            await StoreRecordsAsync(id, BackupFileNames.Journal, memory.ExportJournalAsync(cancellationToken), key, cancellationToken),
        };

        if (includeAudio)
        {
            foreach (var prefix in (string[])[AudioKeys.InputPrefix, AudioKeys.ReplyPrefix])
            {
                await foreach (var item in audio.ListAsync(prefix, cancellationToken))
                {
                    var name = BackupPaths.ForAudioKey(item.Key);
                    if (name is null)
                    {
                        LogAudioSkipped(logger, id);
                        continue;
                    }

                    // An item deleted between listing and reading is simply not part of this backup.
                    var content = await audio.OpenReadAsync(item.Key, cancellationToken);
                    if (content is not null)
                    {
                        files.Add(await StoreAsync(id, name, content, () => 1, key, cancellationToken));
                    }
                }
            }
        }

        return files;
    }

    private Task<BackupFileEntry> StoreRecordsAsync<T>(string id, string name, IAsyncEnumerable<T> records, BackupKey? key, CancellationToken cancellationToken)
    {
        var ndjson = new NdjsonGzipReadStream<T>(records, cancellationToken);
        return StoreAsync(id, name, ndjson, () => ndjson.Count, key, cancellationToken);
    }

    private async Task<BackupFileEntry> StoreAsync(string id, string name, Stream plaintext, Func<long> count, BackupKey? key, CancellationToken cancellationToken)
    {
        Stream stored;
        try
        {
            stored = key is null ? plaintext : new EncryptingStream(plaintext, key, name);
        }
        catch
        {
            await plaintext.DisposeAsync();
            throw;
        }

        await using var hashing = new HashingStream(stored);
        await storage.WriteFileAsync(id, name, hashing, cancellationToken);
        if (await hashing.DrainAsync(cancellationToken) > 0)
        {
            throw new InvalidOperationException("The backup storage did not read a file to its end.");
        }

        return new BackupFileEntry(name, hashing.Sha256, hashing.Bytes, count());
    }

    private async Task WriteManifestAsync(string id, string host, DateTimeOffset createdAt, BackupKey? key, List<BackupFileEntry> files, CancellationToken cancellationToken)
    {
        var manifest = new BackupManifest(BackupManifest.CurrentFormatVersion, id, host, createdAt, key is not null, key?.KeyId, files);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, BackupJson.Manifest);
        using (var content = new MemoryStream(bytes, writable: false))
        {
            await storage.WriteFileAsync(id, BackupFileNames.Manifest, content, cancellationToken);
        }

        if (key is not null)
        {
            using var signature = new MemoryStream(Encoding.ASCII.GetBytes(key.Sign(bytes)), writable: false);
            await storage.WriteFileAsync(id, BackupFileNames.Signature, signature, cancellationToken);
        }
    }

    private async Task DiscardAsync(string id, bool pendingWritten)
    {
        if (!pendingWritten)
        {
            return;
        }

        try
        {
            await storage.DeleteBackupAsync(id, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The unfinished backup is never listed as complete; retention removes it later.
            LogDiscardFailed(logger, exception, id);
        }
    }

    private async Task PruneAsync(int keepDays, CancellationToken cancellationToken)
    {
        var deleted = 0;
        try
        {
            var ids = await storage.ListBackupsAsync(cancellationToken).ToListAsync(cancellationToken);
            foreach (var expired in BackupIds.Expired(ids, time.GetUtcNow() - TimeSpan.FromDays(keepDays)))
            {
                await storage.DeleteBackupAsync(expired, cancellationToken);
                deleted++;
                LogPruned(logger, expired);
            }
        }
        catch (Exception exception)
        {
            // The backup itself succeeded; pruning is tried again after the next backup and by retention.
            LogPruneFailed(logger, exception);
        }
        finally
        {
            if (deleted > 0)
            {
                VoiceMemoryTelemetry.RetentionDeleted.Add(deleted, new KeyValuePair<string, object?>("kind", RetentionKinds.Backup));
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Backup {BackupId} starting")]
    private static partial void LogStarting(ILogger logger, string backupId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Backup {BackupId} completed: {FileCount} files, {Bytes} bytes in {ElapsedMs} ms")]
    private static partial void LogCompleted(ILogger logger, string backupId, int fileCount, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Error, Message = "Backup {BackupId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string backupId);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning, Message = "Backup {BackupId} cancelled")]
    private static partial void LogCancelled(ILogger logger, string backupId);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Backup {BackupId}: could not remove the unfinished backup")]
    private static partial void LogDiscardFailed(ILogger logger, Exception exception, string backupId);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Pruned backup {BackupId}")]
    private static partial void LogPruned(ILogger logger, string backupId);

    [LoggerMessage(EventId = 7107, Level = LogLevel.Warning, Message = "Pruning old backups failed")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7108, Level = LogLevel.Warning, Message = "Backup {BackupId}: skipped an audio item whose key cannot be stored safely")]
    private static partial void LogAudioSkipped(ILogger logger, string backupId);
}
