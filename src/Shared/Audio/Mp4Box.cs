using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>One ISO base media file format box: its four-character type and where its content lies.</summary>
internal readonly record struct Mp4Box(string Type, long ContentStart, long End)
{
    public long ContentLength => End - ContentStart;

    /// <summary>Reads the box header at <paramref name="position"/>; the box must end within <paramref name="limit"/>.</summary>
    public static Mp4Box Read(ByteSource source, long position, long limit)
    {
        Span<byte> header = stackalloc byte[16];
        if (position + 8 > limit || !source.TryReadExactly(position, header[..8]))
        {
            throw AudioValidationException.Malformed("An MP4 box header is cut short; the file is truncated or damaged.");
        }

        foreach (var c in header[4..8])
        {
            if (c is < 0x20 or > 0x7E)
            {
                throw AudioValidationException.Malformed("The MP4 box structure is damaged.");
            }
        }

        long size = BinaryPrimitives.ReadUInt32BigEndian(header);
        var headerLength = 8;
        if (size == 1)
        {
            // A 64-bit "largesize" follows the type.
            if (position + 16 > limit || !source.TryReadExactly(position + 8, header[8..16]))
            {
                throw AudioValidationException.Malformed("An MP4 box header is cut short; the file is truncated or damaged.");
            }

            var large = BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
            size = large > long.MaxValue ? long.MaxValue : (long)large;
            headerLength = 16;
        }
        else if (size == 0)
        {
            // Size 0: the box runs to the end of its container.
            size = limit - position;
        }

        if (size < headerLength)
        {
            throw AudioValidationException.Malformed("The MP4 box structure is damaged (a box is smaller than its own header).");
        }

        if (size > limit - position)
        {
            throw AudioValidationException.Malformed("An MP4 box runs past the end of the file; the file is truncated.");
        }

        return new Mp4Box(System.Text.Encoding.ASCII.GetString(header[4..8]), position + headerLength, position + size);
    }

    /// <summary>The boxes directly inside <paramref name="parent"/>.</summary>
    public static IEnumerable<Mp4Box> Children(ByteSource source, Mp4Box parent, long skip = 0)
    {
        var position = parent.ContentStart + skip;
        while (position < parent.End)
        {
            var child = Read(source, position, parent.End);
            yield return child;
            position = child.End;
        }
    }
}
