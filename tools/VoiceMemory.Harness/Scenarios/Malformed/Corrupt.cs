namespace VoiceMemory.Harness.Scenarios.Malformed;

/// <summary>Byte-level damage applied to a copy of a real file.</summary>
internal static class Corrupt
{
    public static byte[] Prefix(byte[] file, int length) => file[..Math.Min(length, file.Length)];

    public static byte[] FlipMagic(byte[] file)
    {
        var copy = (byte[])file.Clone();
        for (var i = 0; i < Math.Min(4, copy.Length); i++)
        {
            copy[i] ^= 0xFF;
        }

        return copy;
    }

    /// <summary>The first four bytes kept, everything after them random.</summary>
    public static byte[] RandomAfterMagic(byte[] file, Random random)
    {
        var copy = (byte[])file.Clone();
        random.NextBytes(copy.AsSpan(4));
        return copy;
    }

    /// <summary>Bytes 4..512 zeroed: the magic survives, the header behind it does not.</summary>
    public static byte[] ZeroHeader(byte[] file)
    {
        var copy = (byte[])file.Clone();
        copy.AsSpan(4, Math.Min(508, copy.Length - 4)).Clear();
        return copy;
    }

    public static byte[] Random(int length, Random random)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static byte[] Patch(byte[] file, int offset, params byte[] bytes)
    {
        var copy = (byte[])file.Clone();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    public static byte[] PatchUInt16(byte[] file, int offset, ushort value) => Patch(file, offset, (byte)value, (byte)(value >> 8));

    public static byte[] PatchUInt32(byte[] file, int offset, uint value) =>
        Patch(file, offset, (byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24));

    public static byte[] PatchUInt32BigEndian(byte[] file, int offset, uint value) =>
        Patch(file, offset, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value);

    /// <summary>Where an ASCII tag first occurs, or -1.</summary>
    public static int Find(byte[] file, string ascii) => file.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(ascii));
}
