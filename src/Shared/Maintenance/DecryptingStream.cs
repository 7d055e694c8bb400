using System.Security.Cryptography;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Reads an encrypted file (<see cref="BackupCipher"/> layout) and yields its plaintext, chunk by chunk. A chunk is
/// taken as final only when the file ends right after it, so truncation at a chunk boundary and appended bytes both
/// fail authentication. Throws <see cref="InvalidDataException"/> for a malformed file and
/// <see cref="AuthenticationTagMismatchException"/> for a damaged one or a wrong key. Disposes the source unless
/// <paramref name="leaveOpen"/>.
/// </summary>
internal sealed class DecryptingStream(Stream source, BackupKey key, string name, bool leaveOpen = false) : ReadOnlyStream
{
    private readonly byte[] nonce = new byte[BackupCipher.NonceBytes];
    private byte[] header = [];
    private byte[] associatedData = [];
    private AesGcm? aes;
    private int chunkSize;
    private byte[] cipher = [];
    private byte[] plain = [];
    private int carried;
    private int plainStart;
    private int plainEnd;
    private uint counter;
    private bool finished;

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (aes is null)
        {
            await ReadHeaderAsync(useAsync, cancellationToken);
        }

        while (plainStart == plainEnd)
        {
            if (finished)
            {
                return 0;
            }

            await DecryptNextChunkAsync(useAsync, cancellationToken);
        }

        var count = Math.Min(buffer.Length, plainEnd - plainStart);
        plain.AsSpan(plainStart, count).CopyTo(buffer.Span);
        plainStart += count;
        return count;
    }

    private async ValueTask ReadHeaderAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var candidate = new byte[BackupCipher.HeaderBytes];
        var read = await FillAsync(source, candidate, useAsync, cancellationToken);
        if (read != candidate.Length)
        {
            throw new InvalidDataException("The encrypted file is truncated.");
        }

        chunkSize = BackupCipher.ReadHeader(candidate);
        header = candidate;
        associatedData = BackupCipher.CreateAssociatedData(header, name);
        var fileKey = key.DeriveFileKey(BackupCipher.Salt(header));
        aes = new AesGcm(fileKey, BackupCipher.TagBytes);
        CryptographicOperations.ZeroMemory(fileKey);
        cipher = new byte[chunkSize + BackupCipher.TagBytes + 1];
        plain = new byte[chunkSize];
    }

    private async ValueTask DecryptNextChunkAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var filled = carried + await FillAsync(source, cipher.AsMemory(carried), useAsync, cancellationToken);
        var final = filled <= chunkSize + BackupCipher.TagBytes;
        if (final && filled < BackupCipher.TagBytes)
        {
            throw new InvalidDataException("The encrypted file is truncated.");
        }

        if (counter == uint.MaxValue)
        {
            throw new InvalidDataException("The encrypted file has too many chunks.");
        }

        var length = final ? filled : chunkSize + BackupCipher.TagBytes;
        var plainLength = length - BackupCipher.TagBytes;
        BackupCipher.WriteNonce(header, counter, nonce);
        BackupCipher.SetFinal(associatedData, final);
        aes!.Decrypt(nonce, cipher.AsSpan(0, plainLength), cipher.AsSpan(plainLength, BackupCipher.TagBytes), plain.AsSpan(0, plainLength), associatedData);
        counter++;
        plainStart = 0;
        plainEnd = plainLength;
        if (final)
        {
            finished = true;
            carried = 0;
        }
        else
        {
            cipher[0] = cipher[length];
            carried = 1;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes?.Dispose();
            CryptographicOperations.ZeroMemory(plain);
            if (!leaveOpen)
            {
                source.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
