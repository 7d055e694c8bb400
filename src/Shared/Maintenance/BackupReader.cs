using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Reads one backup: the manifest (checked against its signature when a key is configured) and each file through
/// hash → decrypt → gunzip → NDJSON. Every file read checks its SHA-256 and size against the manifest; any damage
/// becomes a <see cref="BackupRejectedException"/>.
/// </summary>
internal sealed class BackupReader(IBackupStorage source, string backupId, BackupKey? key)
{
    private const int MaxManifestBytes = 256 * 1024 * 1024;
    private const int MaxSignatureBytes = 1024;

    public async Task<BackupManifest> ReadManifestAsync(CancellationToken cancellationToken)
    {
        var bytes = await ReadSmallFileAsync(BackupFileNames.Manifest, MaxManifestBytes, cancellationToken)
            ?? throw new BackupRejectedException($"Backup {backupId} has no manifest: it is incomplete or not a backup.");

        BackupManifest? manifest;
        try
        {
            using (var document = JsonDocument.Parse(bytes))
            {
                var version = document.RootElement.GetProperty("formatVersion").GetInt32();
                if (version != BackupManifest.CurrentFormatVersion)
                {
                    throw new BackupRejectedException($"Backup {backupId} has format version {version}; this version reads only {BackupManifest.CurrentFormatVersion}.");
                }
            }

            manifest = JsonSerializer.Deserialize<BackupManifest>(bytes, BackupJson.Manifest);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BackupRejectedException($"The manifest of backup {backupId} is not valid.", exception);
        }

        if (manifest?.Files is null || manifest.Host is null)
        {
            throw new BackupRejectedException($"The manifest of backup {backupId} is not valid.");
        }

        await CheckAuthenticityAsync(manifest, bytes, cancellationToken);
        CheckEntries(manifest);
        return manifest;
    }

    /// <summary>
    /// Reads one file to its end through the decoding layers, handing the plaintext to <paramref name="consume"/>, then
    /// checks the stored bytes against the manifest entry.
    /// </summary>
    public async Task ReadFileAsync(BackupFileEntry entry, bool encrypted, Func<Stream, Task> consume, CancellationToken cancellationToken)
    {
        var raw = await source.OpenFileAsync(backupId, entry.Name, cancellationToken)
            ?? throw new BackupRejectedException($"Backup {backupId} is missing {entry.Name}.");
        await using var hashing = new HashingStream(raw);
        Exception? decodeError = null;
        try
        {
            if (encrypted)
            {
                await using var plain = new DecryptingStream(hashing, key!, entry.Name, leaveOpen: true);
                await consume(plain);
            }
            else
            {
                await consume(hashing);
            }
        }
        catch (Exception exception) when (IsDecodeError(exception))
        {
            decodeError = exception;
        }

        await hashing.DrainAsync(cancellationToken);
        if (hashing.Bytes != entry.Bytes || !string.Equals(hashing.Sha256, entry.Sha256, StringComparison.Ordinal))
        {
            throw new BackupRejectedException($"Backup {backupId}: {entry.Name} does not match the checksum in the manifest (damaged or altered).");
        }

        if (decodeError is not null)
        {
            throw new BackupRejectedException($"Backup {backupId}: {entry.Name} cannot be decrypted or decoded.", decodeError);
        }
    }

    /// <summary>Reads a record file, handing each record to <paramref name="onRecord"/>; checks the record count too.</summary>
    public async Task<long> ReadRecordsAsync<T>(BackupFileEntry entry, bool encrypted, Func<T, Task> onRecord, CancellationToken cancellationToken)
    {
        long count = 0;
        await ReadFileAsync(entry, encrypted, async plain =>
        {
            await using var gzip = new GZipStream(plain, CompressionMode.Decompress, leaveOpen: true);
            await foreach (var record in NdjsonReader.ReadAsync<T>(gzip, cancellationToken))
            {
                await onRecord(record);
                count++;
            }
        }, cancellationToken);

        if (count != entry.Count)
        {
            throw new BackupRejectedException($"Backup {backupId}: {entry.Name} holds {count} records; the manifest says {entry.Count}.");
        }

        return count;
    }

    private async Task CheckAuthenticityAsync(BackupManifest manifest, byte[] manifestBytes, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            if (manifest.Encrypted)
            {
                throw new BackupRejectedException($"Backup {backupId} is encrypted and no VoiceMemory:Backup:EncryptionKey is configured.");
            }

            return;
        }

        // With a key configured only signed backups are trusted: an unsigned manifest could have been swapped in.
        if (!manifest.Encrypted)
        {
            throw new BackupRejectedException(
                $"Backup {backupId} is not encrypted, but an encryption key is configured; refusing an unsigned backup. Restore it with no key configured if it is trusted.");
        }

        if (!string.Equals(manifest.KeyId, key.KeyId, StringComparison.Ordinal))
        {
            throw new BackupRejectedException($"Backup {backupId} was encrypted with a different key.");
        }

        var signature = await ReadSmallFileAsync(BackupFileNames.Signature, MaxSignatureBytes, cancellationToken)
            ?? throw new BackupRejectedException($"Backup {backupId} is missing its manifest signature.");
        if (!key.Verify(manifestBytes, Encoding.ASCII.GetString(signature)))
        {
            throw new BackupRejectedException($"The manifest signature of backup {backupId} does not match: the manifest was altered or the key is wrong.");
        }
    }

    private void CheckEntries(BackupManifest manifest)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in manifest.Files)
        {
            if (entry?.Name is null
                || !(BackupFileNames.RecordFiles.Contains(entry.Name) || (BackupPaths.AudioKeyOf(entry.Name) is not null && entry.Count == 1))
                || !names.Add(entry.Name)
                || entry.Bytes < 0
                || entry.Count < 0
                || entry.Sha256 is not { Length: 64 }
                || !entry.Sha256.All(char.IsAsciiHexDigitLower))
            {
                throw new BackupRejectedException($"The manifest of backup {backupId} lists an invalid file entry.");
            }
        }

        foreach (var required in BackupFileNames.RecordFiles)
        {
            if (!names.Contains(required))
            {
                throw new BackupRejectedException($"The manifest of backup {backupId} does not list {required}.");
            }
        }
    }

    private async Task<byte[]?> ReadSmallFileAsync(string name, int maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = await source.OpenFileAsync(backupId, name, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new BackupRejectedException($"Backup {backupId}: {name} is too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsDecodeError(Exception exception) =>
        exception is InvalidDataException or CryptographicException or JsonException or DecoderFallbackException;
}
