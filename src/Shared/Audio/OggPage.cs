using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>One Ogg page: its header fields, where its body lies, and whether its CRC matched.</summary>
internal readonly record struct OggPage(byte Flags, long Granule, uint Serial, int HeaderLength, int BodyLength)
{
    public const int FixedHeaderLength = 27;

    /// <summary>27 header bytes, 255 lacing values of 255 bytes each.</summary>
    public const int MaxLength = FixedHeaderLength + 255 + (255 * 255);

    public const byte BeginningOfStream = 0x02;

    public int Length => HeaderLength + BodyLength;

    /// <summary>
    /// Parses the page at the start of <paramref name="bytes"/>. Returns false when the capture pattern, version
    /// or flags are wrong, when the page does not fit in <paramref name="bytes"/>, or when its CRC does not match.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out OggPage page)
    {
        page = default;
        if (bytes.Length < FixedHeaderLength || !bytes.StartsWith("OggS"u8) || bytes[4] != 0 || bytes[5] > 7)
        {
            return false;
        }

        var segments = bytes[26];
        var headerLength = FixedHeaderLength + segments;
        if (bytes.Length < headerLength)
        {
            return false;
        }

        var bodyLength = 0;
        foreach (var lacing in bytes.Slice(FixedHeaderLength, segments))
        {
            bodyLength += lacing;
        }

        if (bytes.Length < headerLength + bodyLength)
        {
            return false;
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[22..]);
        if (stored != OggCrc.Compute(bytes[..(headerLength + bodyLength)]))
        {
            return false;
        }

        page = new OggPage(
            bytes[5],
            BinaryPrimitives.ReadInt64LittleEndian(bytes[6..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[14..]),
            headerLength,
            bodyLength);
        return true;
    }

    /// <summary>The first packet of the page's body when it ends on this page (a lacing value below 255 closes it).</summary>
    public static ReadOnlySpan<byte> FirstPacket(ReadOnlySpan<byte> pageBytes)
    {
        var segments = pageBytes[26];
        var length = 0;
        for (var i = 0; i < segments; i++)
        {
            var lacing = pageBytes[FixedHeaderLength + i];
            length += lacing;
            if (lacing < 255)
            {
                return pageBytes.Slice(FixedHeaderLength + segments, length);
            }
        }

        return [];
    }
}
