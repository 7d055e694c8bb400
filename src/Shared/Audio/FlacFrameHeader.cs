namespace VoiceMemory.Audio;

/// <summary>
/// The header of one FLAC audio frame: where it starts (in samples) and how many samples it holds. Parsing
/// checks every reserved bit and the header's CRC-8, so a match inside compressed data is very unlikely.
/// </summary>
internal readonly record struct FlacFrameHeader(bool VariableBlockSize, long Number, int BlockSize)
{
    /// <summary>The longest possible header: 4 fixed bytes, a 7-byte coded number, 2 + 2 optional bytes and the CRC.</summary>
    public const int MaxSize = 16;

    /// <summary>The first sample of this frame; fixed-block-size streams count frames, not samples.</summary>
    public long FirstSample(int streamBlockSize) => VariableBlockSize ? Number : Number * streamBlockSize;

    public static bool TryParse(ReadOnlySpan<byte> bytes, out FlacFrameHeader header)
    {
        header = default;
        if (bytes.Length < 6 || bytes[0] != 0xFF || (bytes[1] & 0xFE) != 0xF8)
        {
            return false;
        }

        var blockSizeCode = bytes[2] >> 4;
        var rateCode = bytes[2] & 0x0F;
        var channelAssignment = bytes[3] >> 4;
        var sampleSizeCode = (bytes[3] >> 1) & 7;
        if (blockSizeCode == 0 || rateCode == 15 || channelAssignment > 10 || sampleSizeCode == 3 || (bytes[3] & 1) != 0)
        {
            return false;
        }

        var position = 4;
        if (!TryReadCodedNumber(bytes, ref position, out var number))
        {
            return false;
        }

        var extraBlockBytes = blockSizeCode switch { 6 => 1, 7 => 2, _ => 0 };
        var extraRateBytes = rateCode switch { 12 => 1, 13 or 14 => 2, _ => 0 };
        if (position + extraBlockBytes + extraRateBytes + 1 > bytes.Length)
        {
            return false;
        }

        var blockSize = blockSizeCode switch
        {
            1 => 192,
            >= 2 and <= 5 => 576 << (blockSizeCode - 2),
            6 => bytes[position] + 1,
            7 => ((bytes[position] << 8) | bytes[position + 1]) + 1,
            _ => 256 << (blockSizeCode - 8),
        };
        position += extraBlockBytes + extraRateBytes;

        if (Crc8(bytes[..position]) != bytes[position])
        {
            return false;
        }

        header = new FlacFrameHeader((bytes[1] & 1) != 0, number, blockSize);
        return true;
    }

    // The frame or sample number, coded like UTF-8 but up to 36 bits (7 bytes).
    private static bool TryReadCodedNumber(ReadOnlySpan<byte> bytes, ref int position, out long number)
    {
        number = 0;
        var first = bytes[position];
        int following;
        long value;
        if (first < 0x80)
        {
            following = 0;
            value = first;
        }
        else if (first is >= 0xC0 and < 0xFF)
        {
            // Count the leading one bits: 110xxxxx has one following byte, 11111110 has six.
            following = 1;
            var mask = 0x20;
            while ((first & mask) != 0)
            {
                following++;
                mask >>= 1;
            }

            value = first & (mask - 1);
        }
        else
        {
            return false;
        }

        if (position + 1 + following > bytes.Length)
        {
            return false;
        }

        for (var i = 1; i <= following; i++)
        {
            var next = bytes[position + i];
            if ((next & 0xC0) != 0x80)
            {
                return false;
            }

            value = (value << 6) | (long)(next & 0x3F);
        }

        position += 1 + following;
        number = value;
        return true;
    }

    private static byte Crc8(ReadOnlySpan<byte> bytes)
    {
        byte crc = 0;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (byte)((crc & 0x80) != 0 ? (crc << 1) ^ 0x07 : crc << 1);
            }
        }

        return crc;
    }
}
