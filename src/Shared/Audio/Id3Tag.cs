namespace VoiceMemory.Audio;

/// <summary>ID3v2 tags that may precede MP3 (and, rarely, FLAC) data.</summary>
internal static class Id3Tag
{
    public const int HeaderSize = 10;

    /// <summary>
    /// The total size of the ID3v2 tag at the start of <paramref name="header"/> (header, body and footer),
    /// or null when <paramref name="header"/> does not start with a well-formed ID3v2 header.
    /// </summary>
    public static long? Size(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || header[0] != 'I' || header[1] != 'D' || header[2] != '3')
        {
            return null;
        }

        // Major version 2–4 and a 28-bit "syncsafe" size whose bytes never have the top bit set.
        var major = header[3];
        if (major is < 2 or > 4 || header[4] == 0xFF || (header[6] | header[7] | header[8] | header[9]) >= 0x80)
        {
            return null;
        }

        long body = (header[6] << 21) | (header[7] << 14) | (header[8] << 7) | header[9];
        var footer = major == 4 && (header[5] & 0x10) != 0 ? HeaderSize : 0;
        return HeaderSize + body + footer;
    }

    /// <summary>The offset just past the ID3v2 tags at the start of <paramref name="source"/> (0 when there are none).</summary>
    public static long SkipTags(ByteSource source)
    {
        long offset = 0;
        Span<byte> header = stackalloc byte[HeaderSize];
        while (source.TryReadExactly(offset, header) && Size(header) is { } size)
        {
            if (offset + size > source.Length)
            {
                throw AudioValidationException.Malformed("The ID3 tag claims to be longer than the file; the file looks truncated.");
            }

            offset += size;
        }

        if (offset == 0 && source.Matches(0, "ID3"u8))
        {
            throw AudioValidationException.Malformed("The file starts with an ID3 tag whose header is damaged.");
        }

        return offset;
    }
}
