using System.Buffers.Binary;
using System.Text;

namespace VoiceMemory.SelfHost.Speech;

/// <summary>The format and length of a PCM WAV file, read from its RIFF chunks.</summary>
internal sealed record WaveInfo(int SampleRate, int Channels, int BitsPerSample, int BlockAlign, long DataBytes)
{
    public TimeSpan Duration => SampleRate <= 0 || BlockAlign <= 0
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds((double)(DataBytes / BlockAlign) / SampleRate);

    /// <summary>Reads the header of <paramref name="path"/>; null when it is not a usable WAV file.</summary>
    public static WaveInfo? TryRead(string path)
    {
        try
        {
            return Read(path);
        }
        catch (EndOfStreamException)
        {
            // A truncated header is as unusable as a missing one.
            return null;
        }
    }

    private static WaveInfo? Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        if (stream.Length < 12 || ReadTag(reader) != "RIFF")
        {
            return null;
        }

        reader.ReadUInt32();
        if (ReadTag(reader) != "WAVE")
        {
            return null;
        }

        (int Rate, int Channels, int Bits, int Align)? format = null;
        Span<byte> fmt = stackalloc byte[16];
        while (stream.Length - stream.Position >= 8)
        {
            var tag = ReadTag(reader);
            long size = reader.ReadUInt32();
            var body = stream.Position;
            if (tag == "fmt " && size >= 16)
            {
                stream.ReadExactly(fmt);
                format = (
                    (int)BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]),
                    BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]));
            }
            else if (tag == "data" && format is { } f)
            {
                // Streaming writers leave the size as 0 or 0xFFFFFFFF: the rest of the file is then the data.
                var available = stream.Length - body;
                var bytes = size == 0 || size > available ? available : size;
                return new WaveInfo(f.Rate, f.Channels, f.Bits, f.Align, bytes);
            }

            // Chunks are word aligned.
            stream.Position = body + size + (size & 1);
        }

        return null;
    }

    private static string ReadTag(BinaryReader reader) => Encoding.ASCII.GetString(reader.ReadBytes(4));
}
