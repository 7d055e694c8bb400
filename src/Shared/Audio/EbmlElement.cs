using System.Numerics;

namespace VoiceMemory.Audio;

/// <summary>An EBML element header (WebM/Matroska): its ID (with the length marker, as the specs write IDs) and data size.</summary>
internal readonly record struct EbmlElement(uint Id, int HeaderLength, long Size)
{
    /// <summary>The longest header: a 4-byte ID and an 8-byte size.</summary>
    public const int MaxHeaderLength = 12;

    /// <summary>True when the size is "unknown" (all value bits set): the element runs until its parent ends.</summary>
    public bool HasUnknownSize => Size < 0;

    /// <summary>Parses an element header; false when the ID or size is not a valid variable-length integer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out EbmlElement element)
    {
        element = default;
        if (bytes.IsEmpty || bytes[0] == 0)
        {
            return false;
        }

        var idLength = BitOperations.LeadingZeroCount((uint)bytes[0]) - 23;
        if (idLength > 4 || bytes.Length < idLength + 1)
        {
            return false;
        }

        uint id = 0;
        for (var i = 0; i < idLength; i++)
        {
            id = (id << 8) | bytes[i];
        }

        if (!TryReadSize(bytes[idLength..], out var size, out var sizeLength))
        {
            return false;
        }

        element = new EbmlElement(id, idLength + sizeLength, size);
        return true;
    }

    /// <summary>Reads a variable-length size; an all-ones value means "unknown" and comes back as -1.</summary>
    public static bool TryReadSize(ReadOnlySpan<byte> bytes, out long size, out int length)
    {
        size = 0;
        length = 0;
        if (bytes.IsEmpty || bytes[0] == 0)
        {
            return false;
        }

        length = BitOperations.LeadingZeroCount((uint)bytes[0]) - 23;
        if (bytes.Length < length)
        {
            return false;
        }

        var value = (ulong)(bytes[0] & (0xFF >> length));
        for (var i = 1; i < length; i++)
        {
            value = (value << 8) | bytes[i];
        }

        var allOnes = (1UL << (7 * length)) - 1;
        size = value == allOnes ? -1 : (long)value;
        return true;
    }

    /// <summary>Reads the element at <paramref name="position"/>; a known size must end within <paramref name="limit"/>.</summary>
    public static EbmlElement Read(ByteSource source, long position, long limit)
    {
        var header = source.ReadRange(position, (int)Math.Min(MaxHeaderLength, Math.Max(0, limit - position)));
        if (!TryParse(header, out var element) || position + element.HeaderLength > limit)
        {
            throw AudioValidationException.Malformed("The WebM element structure is damaged or cut short.");
        }

        if (!element.HasUnknownSize && element.Size > limit - position - element.HeaderLength)
        {
            throw AudioValidationException.Malformed("A WebM element runs past the end of the file; the file is truncated.");
        }

        return element;
    }

    /// <summary>The children of an element whose data is in memory.</summary>
    public static List<(uint Id, ReadOnlyMemory<byte> Data)> Children(ReadOnlyMemory<byte> data)
    {
        var children = new List<(uint, ReadOnlyMemory<byte>)>();
        var position = 0;
        while (position < data.Length)
        {
            if (!TryParse(data.Span[position..], out var child) || child.HasUnknownSize
                || child.Size > data.Length - position - child.HeaderLength)
            {
                throw AudioValidationException.Malformed("The WebM element structure is damaged.");
            }

            children.Add((child.Id, data.Slice(position + child.HeaderLength, (int)child.Size)));
            position += child.HeaderLength + (int)child.Size;
        }

        return children;
    }

    /// <summary>An unsigned integer element's value (big-endian, 0–8 bytes).</summary>
    public static ulong ReadUnsigned(ReadOnlySpan<byte> data)
    {
        ulong value = 0;
        foreach (var b in data[..Math.Min(8, data.Length)])
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
