using System.Security.Cryptography;

namespace VoiceMemory.Maintenance;

/// <summary>
/// Reads plaintext from a source and yields the encrypted file (<see cref="BackupCipher"/> layout). A full chunk is
/// emitted only once a further plaintext byte is known to exist, so the last chunk is always the one flagged final.
/// Owns and disposes the source.
/// </summary>
internal sealed class EncryptingStream : ReadOnlyStream
{
    private readonly Stream source;
    private readonly AesGcm aes;
    private readonly byte[] header;
    private readonly byte[] associatedData;
    private readonly byte[] nonce = new byte[BackupCipher.NonceBytes];
    private readonly int chunkSize;
    private readonly byte[] plain;
    private readonly byte[] output;
    private int carried;
    private int outputStart;
    private int outputEnd;
    private uint counter;
    private bool finished;

    public EncryptingStream(Stream source, BackupKey key, string name, int chunkSize = BackupCipher.DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, BackupCipher.MinChunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, BackupCipher.MaxChunkSize);
        this.source = source;
        this.chunkSize = chunkSize;
        header = BackupCipher.CreateHeader(chunkSize);
        associatedData = BackupCipher.CreateAssociatedData(header, name);
        var fileKey = key.DeriveFileKey(BackupCipher.Salt(header));
        aes = new AesGcm(fileKey, BackupCipher.TagBytes);
        CryptographicOperations.ZeroMemory(fileKey);
        plain = new byte[chunkSize + 1];
        output = new byte[chunkSize + BackupCipher.TagBytes];
        header.CopyTo(output, 0);
        outputEnd = header.Length;
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (outputStart == outputEnd)
        {
            if (finished)
            {
                return 0;
            }

            await EncryptNextChunkAsync(useAsync, cancellationToken);
        }

        var count = Math.Min(buffer.Length, outputEnd - outputStart);
        output.AsSpan(outputStart, count).CopyTo(buffer.Span);
        outputStart += count;
        return count;
    }

    private async ValueTask EncryptNextChunkAsync(bool useAsync, CancellationToken cancellationToken)
    {
        var filled = carried + await FillAsync(source, plain.AsMemory(carried), useAsync, cancellationToken);
        var final = filled <= chunkSize;
        var length = final ? filled : chunkSize;
        if (counter == uint.MaxValue)
        {
            throw new InvalidOperationException("The file is too large to encrypt.");
        }

        BackupCipher.WriteNonce(header, counter, nonce);
        BackupCipher.SetFinal(associatedData, final);
        aes.Encrypt(nonce, plain.AsSpan(0, length), output.AsSpan(0, length), output.AsSpan(length, BackupCipher.TagBytes), associatedData);
        counter++;
        outputStart = 0;
        outputEnd = length + BackupCipher.TagBytes;
        if (final)
        {
            finished = true;
            carried = 0;
        }
        else
        {
            plain[0] = plain[chunkSize];
            carried = 1;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
            CryptographicOperations.ZeroMemory(plain);
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}
