namespace VoiceMemory.Audio;

/// <summary>
/// Random access to the bytes of a seekable stream, through a small read window so that parsers can ask
/// for a few bytes at a time (frame headers, box headers) without a system call each, and without ever
/// loading the whole upload into memory.
/// </summary>
internal sealed class ByteSource(Stream stream)
{
    private const int WindowSize = 64 * 1024;

    private readonly byte[] window = new byte[WindowSize];
    private long windowStart = -1;
    private int windowLength;

    public long Length { get; } = stream.Length;

    public static ByteSource FromSpan(ReadOnlySpan<byte> bytes) => new(new MemoryStream(bytes.ToArray(), writable: false));

    /// <summary>Copies up to <c>buffer.Length</c> bytes from <paramref name="offset"/>; fewer only at the end of the data.</summary>
    public int ReadAt(long offset, Span<byte> buffer)
    {
        if (offset < 0 || offset >= Length || buffer.IsEmpty)
        {
            return 0;
        }

        var wanted = (int)Math.Min(buffer.Length, Length - offset);
        if (wanted > WindowSize)
        {
            stream.Position = offset;
            return stream.ReadAtLeast(buffer[..wanted], wanted, throwOnEndOfStream: false);
        }

        if (windowStart < 0 || offset < windowStart || offset + wanted > windowStart + windowLength)
        {
            stream.Position = offset;
            windowStart = offset;
            windowLength = stream.ReadAtLeast(window, (int)Math.Min(WindowSize, Length - offset), throwOnEndOfStream: false);
        }

        var available = (int)Math.Min(wanted, windowStart + windowLength - offset);
        window.AsSpan((int)(offset - windowStart), available).CopyTo(buffer);
        return available;
    }

    /// <summary>True when all of <paramref name="buffer"/> could be filled from <paramref name="offset"/>.</summary>
    public bool TryReadExactly(long offset, Span<byte> buffer) => ReadAt(offset, buffer) == buffer.Length;

    /// <summary>The bytes from <paramref name="offset"/>, at most <paramref name="count"/> of them.</summary>
    public byte[] ReadRange(long offset, int count)
    {
        if (offset < 0 || offset >= Length || count <= 0)
        {
            return [];
        }

        var buffer = new byte[(int)Math.Min(count, Length - offset)];
        var read = ReadAt(offset, buffer);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>True when the bytes at <paramref name="offset"/> equal <paramref name="expected"/>.</summary>
    public bool Matches(long offset, ReadOnlySpan<byte> expected)
    {
        Span<byte> actual = stackalloc byte[expected.Length];
        return TryReadExactly(offset, actual) && actual.SequenceEqual(expected);
    }
}
