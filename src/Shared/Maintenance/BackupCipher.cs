using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace VoiceMemory.Maintenance;

/// <summary>
/// The encrypted file layout (format version 1): a 33-byte header — magic <c>VMBK</c>, version 1, chunk size
/// (uint32 big-endian), a 16-byte random salt (from which the file key is derived) and an 8-byte random nonce prefix —
/// then chunks of ciphertext + 16-byte tag. Chunk i uses nonce = prefix ‖ uint32be(i); its associated data is the
/// header ‖ final flag (0/1) ‖ UTF-8 file name, so reordering, truncation, extension and swapping files all fail.
/// The last chunk is flagged final and may be short or empty; every other chunk holds exactly chunk-size bytes.
/// </summary>
internal static class BackupCipher
{
    public const int DefaultChunkSize = 64 * 1024;
    public const int MinChunkSize = 1024;
    public const int MaxChunkSize = 16 * 1024 * 1024;
    public const int TagBytes = 16;
    public const int SaltBytes = 16;
    public const int NoncePrefixBytes = 8;
    public const int NonceBytes = 12;
    public const byte Version = 1;
    public const int HeaderBytes = 4 + 1 + 4 + SaltBytes + NoncePrefixBytes;

    private static ReadOnlySpan<byte> Magic => "VMBK"u8;

    public static byte[] CreateHeader(int chunkSize)
    {
        var header = new byte[HeaderBytes];
        Magic.CopyTo(header);
        header[4] = Version;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(5, 4), (uint)chunkSize);
        RandomNumberGenerator.Fill(header.AsSpan(9, SaltBytes + NoncePrefixBytes));
        return header;
    }

    /// <summary>Checks a header read from a file and returns its chunk size.</summary>
    /// <exception cref="InvalidDataException">Not a header of this format.</exception>
    public static int ReadHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length != HeaderBytes || !header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an encrypted backup file.");
        }

        if (header[4] != Version)
        {
            throw new InvalidDataException("Unknown encrypted file version.");
        }

        var chunkSize = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(5, 4));
        if (chunkSize is < MinChunkSize or > MaxChunkSize)
        {
            throw new InvalidDataException("Chunk size out of range.");
        }

        return (int)chunkSize;
    }

    public static ReadOnlySpan<byte> Salt(ReadOnlySpan<byte> header) => header.Slice(9, SaltBytes);

    /// <summary>The associated data buffer: header ‖ final flag ‖ name. The flag byte is set per chunk.</summary>
    public static byte[] CreateAssociatedData(ReadOnlySpan<byte> header, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var data = new byte[HeaderBytes + 1 + nameBytes.Length];
        header.CopyTo(data);
        nameBytes.CopyTo(data.AsSpan(HeaderBytes + 1));
        return data;
    }

    public static void SetFinal(byte[] associatedData, bool final) => associatedData[HeaderBytes] = final ? (byte)1 : (byte)0;

    public static void WriteNonce(ReadOnlySpan<byte> header, uint counter, Span<byte> nonce)
    {
        header.Slice(9 + SaltBytes, NoncePrefixBytes).CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixBytes..], counter);
    }
}
