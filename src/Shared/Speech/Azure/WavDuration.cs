using System.Buffers.Binary;

namespace VoiceMemory.Speech.Azure;

/// <summary>Reads the playing time of a RIFF/WAVE file from its header (byte rate and data size), without decoding it.</summary>
public static class WavDuration
{
    /// <summary>How many leading bytes <see cref="TryRead"/> needs at most.</summary>
    public const int HeaderBytes = 4096;

    /// <summary>The duration, or null when the header is not a readable WAVE header.</summary>
    public static TimeSpan? TryRead(ReadOnlySpan<byte> header, long totalLength)
    {
        if (header.Length < 12 || !header[..4].SequenceEqual("RIFF"u8) || !header.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return null;
        }

        uint byteRate = 0;
        var position = 12;
        while (position + 8 <= header.Length)
        {
            var id = header.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(position + 4, 4));
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8) && body + 12 <= header.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (byteRate == 0)
                {
                    return null;
                }

                // Streamed WAVs carry 0 or 0xFFFFFFFF as the data size: the rest of the file is data.
                long dataBytes = size is 0 or uint.MaxValue ? totalLength - body : Math.Min(size, totalLength - body);
                return TimeSpan.FromSeconds(Math.Max(0, dataBytes) / (double)byteRate);
            }

            position = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }

        return null;
    }
}
