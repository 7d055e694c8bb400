using System.Security.Cryptography;

namespace VoiceMemory.Maintenance;

/// <summary>Passes a source through while counting its bytes and hashing them (SHA-256). Owns and disposes the source.</summary>
internal sealed class HashingStream(Stream source) : ReadOnlyStream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? sha256;

    /// <summary>Bytes read so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>Lowercase hex SHA-256 of everything read; available once the source has ended.</summary>
    public string Sha256 => sha256 ?? throw new InvalidOperationException("The stream has not been read to its end.");

    /// <summary>Reads whatever is left; returns how many bytes that was.</summary>
    public async Task<long> DrainAsync(CancellationToken cancellationToken)
    {
        var before = Bytes;
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, cancellationToken) > 0)
        {
        }

        return Bytes - before;
    }

    protected override async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, bool useAsync, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty || sha256 is not null)
        {
            return 0;
        }

        var read = useAsync ? await source.ReadAsync(buffer, cancellationToken) : source.Read(buffer.Span);
        if (read == 0)
        {
            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            return 0;
        }

        hash.AppendData(buffer.Span[..read]);
        Bytes += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            source.Dispose();
        }

        base.Dispose(disposing);
    }
}
