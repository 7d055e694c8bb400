using System.Buffers.Binary;

namespace VoiceMemory.Audio;

/// <summary>Checks an Ogg Vorbis or Ogg Opus stream and reads its duration from the last page's granule position.</summary>
internal static class OggParser
{
    private const int OpusSampleRate = 48_000;
    private const int VorbisIdLength = 30;
    private const int OpusHeadLength = 19;

    /// <summary>The duration of the first logical stream; null when no page of it near the end carries a granule position.</summary>
    public static TimeSpan? ReadDuration(ByteSource source)
    {
        var head = source.ReadRange(0, OggPage.MaxLength);
        if (!OggPage.TryParse(head, out var first))
        {
            throw AudioValidationException.Malformed("The first Ogg page is damaged or cut short (its header, segment table, length or checksum is wrong).");
        }

        if ((first.Flags & OggPage.BeginningOfStream) == 0)
        {
            throw AudioValidationException.Malformed("The first Ogg page does not begin a stream.");
        }

        var (sampleRate, preSkip) = ReadIdentification(OggPage.FirstPacket(head.AsSpan(0, first.Length)));
        return LastGranule(source, first.Serial) is { } granule
            ? MediaTime.FromUnits(Math.Max(0, granule - preSkip), sampleRate)
            : null;
    }

    private static (long SampleRate, long PreSkip) ReadIdentification(ReadOnlySpan<byte> packet)
    {
        if (packet.Length >= VorbisIdLength && packet[0] == 1 && packet[1..7].SequenceEqual("vorbis"u8))
        {
            var version = BinaryPrimitives.ReadUInt32LittleEndian(packet[7..]);
            var channels = packet[11];
            var rate = BinaryPrimitives.ReadUInt32LittleEndian(packet[12..]);
            if (version != 0 || channels == 0 || rate == 0 || (packet[29] & 1) == 0)
            {
                throw AudioValidationException.Malformed("The Vorbis identification header is invalid.");
            }

            return (rate, 0);
        }

        if (packet.Length >= OpusHeadLength && packet.StartsWith("OpusHead"u8))
        {
            // Major version 0 is the only one defined; Opus always counts granules at 48 kHz and the first
            // pre-skip samples are encoder priming, not audio.
            if ((packet[8] >> 4) != 0 || packet[9] == 0)
            {
                throw AudioValidationException.Malformed("The Opus identification header is invalid.");
            }

            return (OpusSampleRate, BinaryPrimitives.ReadUInt16LittleEndian(packet[10..]));
        }

        throw AudioValidationException.Unsupported("The Ogg file holds a codec other than Vorbis or Opus.");
    }

    // Scans the tail backwards. The last complete page must end exactly at the end of the file (otherwise the
    // file was cut inside a page); the granule comes from the last page of our stream on which a packet ends.
    private static long? LastGranule(ByteSource source, uint serial)
    {
        var windowStart = Math.Max(0, source.Length - (2L * OggPage.MaxLength));
        var tail = source.ReadRange(windowStart, (int)(source.Length - windowStart)).AsSpan();
        var sawLastPage = false;
        for (var i = tail.Length - OggPage.FixedHeaderLength; i >= 0; i--)
        {
            if (tail[i] != 'O' || !OggPage.TryParse(tail[i..], out var page))
            {
                continue;
            }

            if (!sawLastPage)
            {
                if (i + page.Length != tail.Length)
                {
                    throw AudioValidationException.Malformed("The Ogg file does not end with a complete page; it is truncated or has trailing data.");
                }

                sawLastPage = true;
            }

            if (page.Serial == serial && page.Granule != -1)
            {
                return page.Granule;
            }
        }

        if (!sawLastPage)
        {
            throw AudioValidationException.Malformed("The Ogg file does not end with a complete page; it is truncated.");
        }

        return null;
    }
}
